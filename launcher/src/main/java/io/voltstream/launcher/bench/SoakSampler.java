package io.voltstream.launcher.bench;

import io.voltstream.infra.ProcessStats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Takes the soak's samples: per process (by display name) RSS, thread count and open file
 * descriptors from {@code /proc}, and the stack JVM's heap in use right after a full collection.
 * The collection is forced ({@code System.gc()}, once per sample, i.e. once a minute in a soak) so
 * the heap figure is the live set: without it the figure is mostly garbage waiting to be collected
 * and says nothing about a leak.
 */
final class SoakSampler {
  private final Map<String, Long> pids;

  SoakSampler(Map<String, Long> pidsByName) {
    this.pids = new LinkedHashMap<>(pidsByName);
  }

  /** The resources now; the counters are the caller's. */
  SoakSample sample(
      Duration elapsed, long readingsPublished, WebSocketChurn churn, long kafkaLagReadings) {
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    Map<String, SoakSample.ProcessFootprint> processes = new LinkedHashMap<>();
    pids.forEach(
        (name, pid) ->
            ProcessStats.sample(pid)
                .ifPresent(
                    s ->
                        processes.put(
                            name,
                            new SoakSample.ProcessFootprint(
                                s.rssBytes(), threads(pid), openFds(pid)))));
    return new SoakSample(
        elapsed,
        heap,
        processes,
        readingsPublished,
        churn.opened(),
        churn.open(),
        churn.messages(),
        kafkaLagReadings);
  }

  /** {@code Threads:} of {@code /proc/<pid>/status}; -1 when unreadable. */
  static int threads(long pid) {
    try {
      for (String line :
          Files.readAllLines(
              Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("Threads:")) {
          return Integer.parseInt(line.substring("Threads:".length()).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // reported as -1
    }
    return -1;
  }

  /** Entries of {@code /proc/<pid>/fd}; -1 when unreadable. */
  static int openFds(long pid) {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return (int) fds.count();
    } catch (IOException e) {
      return -1;
    }
  }
}
