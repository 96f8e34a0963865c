package io.voltstream.launcher.bench;

import io.voltstream.jobs.io.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of one whole-stack benchmark run ({@code ./voltstream bench}). The step plan comes from
 * the command line ({@code --rates}, {@code --step}, {@code --metrics-per-reading}); the rest from
 * {@code VOLTSTREAM_BENCH_*} variables with these defaults:
 *
 * <ul>
 *   <li>{@code VOLTSTREAM_BENCH_WARMUP} — load at the first rate before the first step is measured (ramping up over its first two thirds), default 30s
 *   <li>{@code VOLTSTREAM_BENCH_SAMPLE_INTERVAL} — counter/RSS sampling and progress lines, default 5s
 *   <li>{@code VOLTSTREAM_BENCH_PROBE_INTERVAL} — one latency probe reading every, default 200ms
 *   <li>{@code VOLTSTREAM_BENCH_POLL_INTERVAL} — how often InfluxDB is polled for probes, default 50ms
 *   <li>{@code VOLTSTREAM_BENCH_SENSORS} / {@code VOLTSTREAM_BENCH_ROOMS} — load sensors and rooms, default 1000 / 50
 *   <li>{@code VOLTSTREAM_BENCH_MAX_INFLIGHT} — unacknowledged QoS 1 publishes of the load generator, default 2000
 *   <li>{@code VOLTSTREAM_BENCH_TOLERANCE} — a step sustains when every rate is ≥ this share of the target
 *       and lag is bounded, default 0.95
 *   <li>{@code VOLTSTREAM_BENCH_LAG_TOLERANCE} — lag growth through a step allowed before it counts as
 *       unbounded, in seconds of input at the target rate, default 5s
 *   <li>{@code VOLTSTREAM_BENCH_KEEP_DATA} — keep {@code <data dir>/bench-<timestamp>} afterwards, default false
 *   <li>{@code VOLTSTREAM_DATA_DIR} — parent of the run's data directory, default {@code ./var}
 * </ul>
 *
 * @param env the environment handed to the stack's module configs (ports are overridden to free ones)
 * @param ratesDataPointsPerS target data points (metric values) per second, one step each, ascending
 */
public record StackBenchmarkConfig(
    Map<String, String> env,
    List<Integer> ratesDataPointsPerS,
    Duration step,
    int metricsPerReading,
    Duration warmup,
    Duration sampleInterval,
    Duration probeInterval,
    Duration pollInterval,
    int sensors,
    int rooms,
    int maxInflight,
    double tolerance,
    Duration lagTolerance,
    boolean keepData,
    Path dataDirParent) {

  public static final String WARMUP = "VOLTSTREAM_BENCH_WARMUP";
  public static final String SAMPLE_INTERVAL = "VOLTSTREAM_BENCH_SAMPLE_INTERVAL";
  public static final String PROBE_INTERVAL = "VOLTSTREAM_BENCH_PROBE_INTERVAL";
  public static final String POLL_INTERVAL = "VOLTSTREAM_BENCH_POLL_INTERVAL";
  public static final String SENSORS = "VOLTSTREAM_BENCH_SENSORS";
  public static final String ROOMS = "VOLTSTREAM_BENCH_ROOMS";
  public static final String MAX_INFLIGHT = "VOLTSTREAM_BENCH_MAX_INFLIGHT";
  public static final String TOLERANCE = "VOLTSTREAM_BENCH_TOLERANCE";
  public static final String LAG_TOLERANCE = "VOLTSTREAM_BENCH_LAG_TOLERANCE";
  public static final String KEEP_DATA = "VOLTSTREAM_BENCH_KEEP_DATA";

  public StackBenchmarkConfig {
    env = Map.copyOf(env);
    ratesDataPointsPerS = List.copyOf(ratesDataPointsPerS);
    if (ratesDataPointsPerS.isEmpty()) {
      throw new IllegalArgumentException("--rates needs at least one rate, e.g. --rates 10000,20000,30000");
    }
    for (int rate : ratesDataPointsPerS) {
      if (rate <= 0) {
        throw new IllegalArgumentException("--rates must be positive data points per second, got " + rate);
      }
    }
    if (step.compareTo(Duration.ofSeconds(5)) < 0) {
      throw new IllegalArgumentException("--step must be at least 5s, got " + step);
    }
    if (metricsPerReading < 1 || metricsPerReading > 7) {
      throw new IllegalArgumentException("--metrics-per-reading must be 1..7, got " + metricsPerReading);
    }
    positive(SAMPLE_INTERVAL, sampleInterval);
    positive(PROBE_INTERVAL, probeInterval);
    positive(POLL_INTERVAL, pollInterval);
    if (sampleInterval.compareTo(step) > 0) {
      throw new IllegalArgumentException(SAMPLE_INTERVAL + " (" + sampleInterval + ") must not exceed --step (" + step + ")");
    }
    if (tolerance <= 0 || tolerance > 1) {
      throw new IllegalArgumentException(TOLERANCE + " must be in (0, 1], got " + tolerance);
    }
  }

  /** The command-line plan on top of the environment's {@code VOLTSTREAM_BENCH_*} settings. */
  public static StackBenchmarkConfig of(Map<String, String> env, int[] rates, String step, int metricsPerReading) {
    List<Integer> rateList = new ArrayList<>();
    for (int r : rates) {
      rateList.add(r);
    }
    return new StackBenchmarkConfig(
        new HashMap<>(env),
        rateList,
        Durations.parse("--step", step),
        metricsPerReading,
        duration(env, WARMUP, "30s"),
        duration(env, SAMPLE_INTERVAL, "5s"),
        duration(env, PROBE_INTERVAL, "200ms"),
        duration(env, POLL_INTERVAL, "50ms"),
        integer(env, SENSORS, 1000, 1, 1_000_000),
        integer(env, ROOMS, 50, 1, 100_000),
        integer(env, MAX_INFLIGHT, 2000, 1, 65_535),
        fraction(env, TOLERANCE, 0.95),
        duration(env, LAG_TOLERANCE, "5s"),
        bool(env, KEEP_DATA, false),
        Path.of(env.getOrDefault("VOLTSTREAM_DATA_DIR", "./var")).toAbsolutePath().normalize());
  }

  /** Readings per second the generator publishes for a target data-point rate. */
  public double readingsPerSecond(int dataPointsPerSecond) {
    return (double) dataPointsPerSecond / metricsPerReading;
  }

  private static void positive(String key, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(key + " must be positive, got " + d);
    }
  }

  private static Duration duration(Map<String, String> env, String key, String dflt) {
    String v = env.get(key);
    return Durations.parse(key, v == null || v.isBlank() ? dflt : v);
  }

  private static int integer(Map<String, String> env, String key, int dflt, int min, int max) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'", e);
    }
  }

  private static double fraction(Map<String, String> env, String key, double dflt) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number such as 0.95, got '" + v + "'", e);
    }
  }

  private static boolean bool(Map<String, String> env, String key, boolean dflt) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    };
  }
}
