package io.voltstream.launcher.bench;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.ConfigReader;
import io.voltstream.config.Durations;
import io.voltstream.sim.load.LoadGeneratorConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of one whole-stack benchmark run ({@code ./voltstream bench}). The step plan comes from
 * the command line ({@code --rates}, {@code --step}, {@code --metrics-per-reading}); the rest from
 * the {@code VOLTSTREAM_BENCH_*} variables declared in {@link BenchOptions} and {@code
 * VOLTSTREAM_DATA_DIR} (parent of the run's data directory).
 *
 * @param env the environment handed to the stack's module configs (ports are overridden to free
 *     ones)
 * @param ratesDataPointsPerS target data points (metric values) per second, one step each,
 *     ascending
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

  private static final String SAMPLE_INTERVAL = BenchOptions.SAMPLE_INTERVAL.name();
  private static final String PROBE_INTERVAL = BenchOptions.PROBE_INTERVAL.name();
  private static final String POLL_INTERVAL = BenchOptions.POLL_INTERVAL.name();
  private static final String TOLERANCE = BenchOptions.TOLERANCE.name();

  public StackBenchmarkConfig {
    env = Map.copyOf(env);
    ratesDataPointsPerS = List.copyOf(ratesDataPointsPerS);
    if (ratesDataPointsPerS.isEmpty()) {
      throw new IllegalArgumentException(
          "--rates needs at least one rate, e.g. --rates 10000,20000,30000");
    }
    for (int rate : ratesDataPointsPerS) {
      if (rate <= 0) {
        throw new IllegalArgumentException(
            "--rates must be positive data points per second, got " + rate);
      }
    }
    if (step.compareTo(Duration.ofSeconds(5)) < 0) {
      throw new IllegalArgumentException("--step must be at least 5s, got " + step);
    }
    if (metricsPerReading < 1 || metricsPerReading > 7) {
      throw new IllegalArgumentException(
          "--metrics-per-reading must be 1..7, got " + metricsPerReading);
    }
    positive(SAMPLE_INTERVAL, sampleInterval);
    positive(PROBE_INTERVAL, probeInterval);
    positive(POLL_INTERVAL, pollInterval);
    if (sampleInterval.compareTo(step) > 0) {
      throw new IllegalArgumentException(
          SAMPLE_INTERVAL + " (" + sampleInterval + ") must not exceed --step (" + step + ")");
    }
    if (tolerance <= 0 || tolerance > 1) {
      throw new IllegalArgumentException(TOLERANCE + " must be in (0, 1], got " + tolerance);
    }
  }

  /** The command-line plan on top of the environment's {@code VOLTSTREAM_BENCH_*} settings. */
  public static StackBenchmarkConfig of(
      Map<String, String> env, int[] rates, String step, int metricsPerReading) {
    List<Integer> rateList = new ArrayList<>();
    for (int r : rates) {
      rateList.add(r);
    }
    ConfigReader r = new ConfigReader(env);
    return new StackBenchmarkConfig(
        new HashMap<>(env),
        rateList,
        Durations.parse(step)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--step: expected a duration such as "
                            + Durations.SYNTAX
                            + ", got '"
                            + step
                            + "'")),
        metricsPerReading,
        r.get(BenchOptions.WARMUP),
        r.get(BenchOptions.SAMPLE_INTERVAL),
        r.get(BenchOptions.PROBE_INTERVAL),
        r.get(BenchOptions.POLL_INTERVAL),
        r.get(BenchOptions.SENSORS),
        r.get(BenchOptions.ROOMS),
        r.get(BenchOptions.MAX_INFLIGHT),
        r.get(BenchOptions.TOLERANCE),
        r.get(BenchOptions.LAG_TOLERANCE),
        r.get(BenchOptions.KEEP_DATA),
        r.get(CommonOptions.DATA_DIR).toAbsolutePath().normalize());
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

  /**
   * The load generator for a stack whose broker is at {@code mqtt}: this run's sensors, rooms and
   * metrics per reading, starting at a fifth of the first rate (the runs ramp it up). Its own rate
   * log is silenced (hourly): the benchmarks print their own figures.
   */
  public LoadGeneratorConfig loadConfig(URI mqtt) {
    return new LoadGeneratorConfig(
        mqtt,
        ratesDataPointsPerS.get(0) * 0.2,
        sensors,
        rooms,
        metricsPerReading,
        maxInflight,
        "load-",
        Duration.ofHours(1));
  }
}
