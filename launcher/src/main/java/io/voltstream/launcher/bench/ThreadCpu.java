package io.voltstream.launcher.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where this JVM's CPU goes: per-thread CPU time summed by thread family (the name with numbers and
 * subtask indices stripped, so the two {@code Source: readings-source (1/2)#0} and {@code (2/2)#0}
 * threads count as one), plus GC time. Everything shares one JVM (Kafka broker, Flink, ingest, load
 * generator), so this is how the benchmark tells which part is the bottleneck.
 */
final class ThreadCpu {
  private static final Pattern SUBTASK = Pattern.compile("\\s*\\(\\d+/\\d+\\)(#\\d+)?");
  private static final Pattern NUMBERS = Pattern.compile("\\d+");

  /**
   * CPU time per thread family, per thread name (subtask suffix dropped, digits kept: what {@link
   * JobCpu} maps to jobs) and accumulated GC time at one instant.
   */
  record Snapshot(
      long atNanos,
      Map<String, Long> cpuNanosByFamily,
      Map<String, Long> cpuNanosByName,
      long gcMillis) {}

  /** A family's CPU share over an interval [% of one core]. */
  record Share(String family, double cpuPercent) {}

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  ThreadCpu() {
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
  }

  Snapshot sample() {
    Map<String, Long> byFamily = new HashMap<>();
    Map<String, Long> byName = new HashMap<>();
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long cpu = threads.getThreadCpuTime(ids[i]);
      if (infos[i] != null && cpu > 0) {
        byFamily.merge(family(infos[i].getThreadName()), cpu, Long::sum);
        byName.merge(withoutSubtask(infos[i].getThreadName()), cpu, Long::sum);
      }
    }
    long gc = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, bean.getCollectionTime());
    }
    return new Snapshot(System.nanoTime(), byFamily, byName, gc);
  }

  /**
   * The thread family of a thread name: digits → '#', Flink subtask suffixes dropped, truncated.
   */
  static String family(String threadName) {
    String f = SUBTASK.matcher(threadName).replaceAll("");
    f = NUMBERS.matcher(f).replaceAll("#");
    return f.length() > 60 ? f.substring(0, 57) + "..." : f;
  }

  /** The thread name without Flink's subtask suffix ({@code (1/2)#0}). */
  static String withoutSubtask(String threadName) {
    return SUBTASK.matcher(threadName).replaceAll("");
  }

  /**
   * The {@code top} families by CPU between two snapshots (threads that ended in between are
   * missed).
   */
  static List<Share> top(Snapshot before, Snapshot after, int top) {
    double wallNanos = Math.max(1, after.atNanos() - before.atNanos());
    List<Share> shares = new ArrayList<>();
    after
        .cpuNanosByFamily()
        .forEach(
            (family, cpu) -> {
              long delta = cpu - before.cpuNanosByFamily().getOrDefault(family, 0L);
              if (delta > 0) {
                shares.add(new Share(family, 100.0 * delta / wallNanos));
              }
            });
    shares.sort((a, b) -> Double.compare(b.cpuPercent(), a.cpuPercent()));
    return shares.subList(0, Math.min(top, shares.size()));
  }

  /** GC time between two snapshots as a share of the wall time [%]. */
  static double gcPercent(Snapshot before, Snapshot after) {
    double wallMillis =
        Math.max(1, Duration.ofNanos(after.atNanos() - before.atNanos()).toMillis());
    return 100.0 * (after.gcMillis() - before.gcMillis()) / wallMillis;
  }
}
