package io.voltstream.launcher.bench;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the whole-stack benchmark ({@link StackBenchmarkConfig}, {@code ./voltstream bench}),
 * declared once.
 */
public final class BenchOptions {
  public static final Option<Duration> WARMUP =
      Option.of(
          "VOLTSTREAM_BENCH_WARMUP",
          ValueType.duration(),
          "30s",
          "Load at the first rate before the first step is measured (ramping up over its first two"
              + " thirds)");
  public static final Option<Duration> SAMPLE_INTERVAL =
      Option.of(
          "VOLTSTREAM_BENCH_SAMPLE_INTERVAL",
          ValueType.positiveDuration(),
          "5s",
          "Counter/RSS sampling and progress lines");
  public static final Option<Duration> PROBE_INTERVAL =
      Option.of(
          "VOLTSTREAM_BENCH_PROBE_INTERVAL",
          ValueType.positiveDuration(),
          "200ms",
          "One latency probe reading every");
  public static final Option<Duration> POLL_INTERVAL =
      Option.of(
          "VOLTSTREAM_BENCH_POLL_INTERVAL",
          ValueType.positiveDuration(),
          "50ms",
          "How often InfluxDB is polled for probes");
  public static final Option<Integer> SENSORS =
      Option.of("VOLTSTREAM_BENCH_SENSORS", ValueType.integer(1, 1_000_000), "1000", "Load sensors")
          .withUnit("sensors");
  public static final Option<Integer> ROOMS =
      Option.of("VOLTSTREAM_BENCH_ROOMS", ValueType.integer(1, 100_000), "50", "Load rooms")
          .withUnit("rooms");
  public static final Option<Integer> MAX_INFLIGHT =
      Option.of(
              "VOLTSTREAM_BENCH_MAX_INFLIGHT",
              ValueType.integer(1, 65_535),
              "2000",
              "Unacknowledged QoS 1 publishes of the load generator")
          .withUnit("messages");
  public static final Option<Double> TOLERANCE =
      Option.of(
          "VOLTSTREAM_BENCH_TOLERANCE",
          ValueType.number(),
          "0.99",
          "A step sustains when the published and the stored rate are >= this share of the target"
              + " and the lag is flat (0, 1]");
  public static final Option<Duration> LAG_TOLERANCE =
      Option.of(
          "VOLTSTREAM_BENCH_LAG_TOLERANCE",
          ValueType.duration(),
          "5s",
          "Lag growth through a step allowed, in time of input at the target rate");
  public static final Option<Boolean> KEEP_DATA =
      Option.of(
          "VOLTSTREAM_BENCH_KEEP_DATA",
          ValueType.bool(),
          "false",
          "Keep <data dir>/bench-<timestamp> afterwards");

  private BenchOptions() {}

  public static List<Option<?>> all() {
    return List.of(
        WARMUP,
        SAMPLE_INTERVAL,
        PROBE_INTERVAL,
        POLL_INTERVAL,
        SENSORS,
        ROOMS,
        MAX_INFLIGHT,
        TOLERANCE,
        LAG_TOLERANCE,
        KEEP_DATA);
  }
}
