package io.voltstream.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resident memory and cumulative CPU time of a process, read from {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status} (Linux only), for the benchmark. CPU% over an interval is the CPU-time
 * delta divided by the wall-time delta of two samples ({@link #cpuPercent}); 100% = one core.
 *
 * <pre>{@code
 * Sample before = ProcessStats.sample(pid).orElseThrow();
 * runLoad();
 * Sample after = ProcessStats.sample(pid).orElseThrow();
 * double cpu = ProcessStats.cpuPercent(before, after);
 * }</pre>
 */
public final class ProcessStats {
  // clock ticks per second (USER_HZ); 100 on every mainstream Linux build
  private static final long DEFAULT_TICKS_PER_SECOND = 100;
  private static volatile Long ticksPerSecond;

  private ProcessStats() {}

  /** One reading of a process's resources. */
  public record Sample(long pid, Instant at, long rssBytes, Duration cpuTime) {}

  /** A sample of {@code pid}, or empty when the process does not exist (or /proc is absent). */
  public static Optional<Sample> sample(long pid) {
    Path proc = Path.of("/proc", Long.toString(pid));
    try {
      Instant at = Instant.now();
      String stat = Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII);
      String status = Files.readString(proc.resolve("status"), StandardCharsets.US_ASCII);
      return Optional.of(new Sample(pid, at, parseRssBytes(status), parseCpuTime(stat)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A sample of this JVM. */
  public static Sample self() {
    return sample(ProcessHandle.current().pid())
        .orElseThrow(() -> new InfraException("/proc/self is not readable (not Linux?)"));
  }

  /** Whether a process with this pid exists and is not a zombie. */
  public static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** CPU use between two samples of the same process in percent of one core. */
  public static double cpuPercent(Sample before, Sample after) {
    long wallNanos = Duration.between(before.at(), after.at()).toNanos();
    if (wallNanos <= 0) {
      return 0.0;
    }
    return 100.0 * after.cpuTime().minus(before.cpuTime()).toNanos() / wallNanos;
  }

  /** {@code Threads:} of {@code /proc/<pid>/status}; -1 when unreadable. */
  public static int threads(long pid) {
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
  public static int openFds(long pid) {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return (int) fds.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /** {@code VmRSS} of a {@code /proc/<pid>/status} text in bytes (0 for kernel threads). */
  static long parseRssBytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024L;
      }
    }
    return 0L;
  }

  /** utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} line. */
  static Duration parseCpuTime(String stat) {
    // the command name (field 2) may contain spaces and parentheses: parse after the last ')'
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // fields[0] is field 3 (state), so utime (14) is fields[11] and stime (15) is fields[12]
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return Duration.ofNanos(ticks * 1_000_000_000L / ticksPerSecond());
  }

  private static long ticksPerSecond() {
    Long cached = ticksPerSecond;
    if (cached == null) {
      cached = readTicksPerSecond();
      ticksPerSecond = cached;
    }
    return cached;
  }

  private static long readTicksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      try (InputStream in = p.getInputStream()) {
        String out = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        p.waitFor();
        return Long.parseLong(out);
      }
    } catch (IOException | NumberFormatException e) {
      return DEFAULT_TICKS_PER_SECOND;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DEFAULT_TICKS_PER_SECOND;
    }
  }
}
