package io.voltstream.launcher.bench;

import io.voltstream.infra.ProcessStats;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
                                s.rssBytes(),
                                ProcessStats.threads(pid),
                                ProcessStats.openFds(pid)))));
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
}
