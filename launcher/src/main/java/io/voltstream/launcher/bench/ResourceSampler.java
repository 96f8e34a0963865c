package io.voltstream.launcher.bench;

import io.voltstream.infra.ProcessStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Samples CPU time and RSS of the stack's processes (this JVM, mosquitto, influxd) plus the whole
 * machine's CPU busy time and load average from {@code /proc}, and folds the samples of one step
 * into {@link ProcessUsage} figures.
 */
final class ResourceSampler {

  /** One sampling instant: per-process samples (by name), machine CPU jiffies and load average. */
  record Snapshot(
      Instant at,
      Map<String, ProcessStats.Sample> processes,
      long boxBusyJiffies,
      long boxTotalJiffies,
      double loadAverage) {

    long totalRssBytes() {
      return processes.values().stream().mapToLong(ProcessStats.Sample::rssBytes).sum();
    }
  }

  private final Map<String, Long> pids;

  ResourceSampler(Map<String, Long> pidsByName) {
    this.pids = new LinkedHashMap<>(pidsByName);
  }

  Snapshot sample() {
    Map<String, ProcessStats.Sample> samples = new LinkedHashMap<>();
    pids.forEach((name, pid) -> ProcessStats.sample(pid).ifPresent(s -> samples.put(name, s)));
    long[] cpu = boxCpu();
    return new Snapshot(Instant.now(), samples, cpu[0], cpu[1], loadAverage());
  }

  /** Per-process CPU over the span of {@code snaps} and the peak RSS of each. */
  static List<ProcessUsage> usage(List<Snapshot> snaps) {
    List<ProcessUsage> out = new ArrayList<>();
    if (snaps.size() < 2) {
      return out;
    }
    Snapshot first = snaps.get(0);
    Snapshot last = snaps.get(snaps.size() - 1);
    for (String name : last.processes().keySet()) {
      ProcessStats.Sample before = first.processes().get(name);
      ProcessStats.Sample after = last.processes().get(name);
      double cpu = before == null ? 0 : ProcessStats.cpuPercent(before, after);
      long rss =
          snaps.stream()
              .map(s -> s.processes().get(name))
              .filter(s -> s != null)
              .mapToLong(ProcessStats.Sample::rssBytes)
              .max()
              .orElse(0);
      out.add(new ProcessUsage(name, cpu, rss));
    }
    return out;
  }

  /** Machine CPU busy over the span of {@code snaps} [% of all cores]. */
  static double boxCpuPercent(List<Snapshot> snaps) {
    if (snaps.size() < 2) {
      return 0;
    }
    Snapshot first = snaps.get(0);
    Snapshot last = snaps.get(snaps.size() - 1);
    long total = last.boxTotalJiffies() - first.boxTotalJiffies();
    return total <= 0 ? 0 : 100.0 * (last.boxBusyJiffies() - first.boxBusyJiffies()) / total;
  }

  /** {busy, total} jiffies of the {@code cpu} line of /proc/stat; zeros when unreadable. */
  private static long[] boxCpu() {
    return read(Path.of("/proc/stat"))
        .map(
            text -> {
              String[] f = text.lines().findFirst().orElse("cpu").trim().split("\\s+");
              long total = 0;
              long idle = 0;
              for (int i = 1; i < f.length && i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i == 4 || i == 5) {
                  idle += v;
                }
              }
              return new long[] {total - idle, total};
            })
        .orElse(new long[] {0, 0});
  }

  private static double loadAverage() {
    return read(Path.of("/proc/loadavg"))
        .map(t -> Double.parseDouble(t.trim().split("\\s+")[0]))
        .orElse(0.0);
  }

  private static Optional<String> read(Path p) {
    try {
      return Optional.of(Files.readString(p, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
