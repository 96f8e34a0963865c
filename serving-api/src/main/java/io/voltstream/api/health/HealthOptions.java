package io.voltstream.api.health;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.ConfigReader;
import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The settings of {@code /health}: where the Flink REST API is, which jobs must run, and the
 * thresholds past which a component is {@code degraded}. Declared once; the README's "Health"
 * section explains each.
 */
public final class HealthOptions {
  /** How far back InfluxDB is searched for the newest point of a measurement. */
  public static final Duration LOOK_BACK = Duration.ofDays(2);

  public static final Option<URI> FLINK_REST =
      Option.of(
          "VOLTSTREAM_FLINK_REST",
          ValueType.httpUrl(),
          null,
          "Flink REST address /health reads the jobs from (the demo sets it); unset = Flink not"
              + " checked");
  public static final Option<List<String>> FLINK_JOBS =
      Option.of(
          "VOLTSTREAM_HEALTH_FLINK_JOBS",
          ValueType.list(),
          null,
          "Job names that must be RUNNING (comma-separated); unset = every job the cluster lists");
  public static final Option<Long> MAX_GROUP_LAG =
      Option.of(
              "VOLTSTREAM_HEALTH_MAX_GROUP_LAG",
              ValueType.wholeNumber().where(n -> n >= 0, "a whole number >= 0"),
              "100000",
              "Consumer lag of a job's group (summed over partitions) above which Kafka is"
                  + " degraded")
          .withUnit("records");
  public static final Option<Long> MAX_PARTITION_LAG =
      Option.of(
              "VOLTSTREAM_HEALTH_MAX_PARTITION_LAG",
              ValueType.wholeNumber().where(n -> n >= 0, "a whole number >= 0"),
              "50000",
              "Consumer lag of one partition of a job's group above which Kafka is degraded")
          .withUnit("records");
  public static final Option<Duration> MAX_CHECKPOINT_AGE =
      Option.of(
          "VOLTSTREAM_HEALTH_MAX_CHECKPOINT_AGE",
          ValueType.positiveDuration(),
          "3m",
          "Time since a job's last completed checkpoint above which Flink is degraded");
  public static final Option<Duration> MAX_WATERMARK_LAG =
      Option.of(
          "VOLTSTREAM_HEALTH_MAX_WATERMARK_LAG",
          ValueType.positiveDuration(),
          "5m",
          "How far a job's event-time watermark may trail the clock before Flink is degraded");
  public static final Option<Double> MAX_DLQ_RATE =
      Option.of(
              "VOLTSTREAM_HEALTH_MAX_DLQ_RATE",
              ValueType.number().where(d -> d >= 0, "a number >= 0"),
              "60",
              "Growth of the dead-letter topic above which dead_letters is degraded")
          .withUnit("dead letters/min");
  public static final Option<Duration> DLQ_WINDOW =
      Option.of(
          "VOLTSTREAM_HEALTH_DLQ_WINDOW",
          ValueType.positiveDuration(),
          "1m",
          "Shortest span the dead-letter rate is measured over");
  public static final Option<Duration> MAX_WRITE_AGE =
      Option.of(
          "VOLTSTREAM_HEALTH_MAX_WRITE_AGE",
          ValueType.positiveDuration(),
          "3m",
          "Age of the newest readings and room_metrics point above which InfluxDB is degraded");
  public static final Option<Duration> MAX_FORECAST_AGE =
      Option.of(
          "VOLTSTREAM_HEALTH_MAX_FORECAST_AGE",
          ValueType.duration(),
          "2h",
          "Age of the newest forecast run (issued_at) above which forecasts is degraded; 0 = not"
              + " checked");
  public static final Option<Duration> CACHE =
      Option.of(
          "VOLTSTREAM_HEALTH_CACHE",
          ValueType.duration(),
          "5s",
          "How long /health reuses its figures (load balancers poll it); 0 = probe every time");

  private HealthOptions() {}

  public static List<Option<?>> all() {
    return List.of(
        FLINK_REST,
        FLINK_JOBS,
        CommonOptions.CONSUMER_GROUP_PREFIX,
        MAX_GROUP_LAG,
        MAX_PARTITION_LAG,
        MAX_CHECKPOINT_AGE,
        MAX_WATERMARK_LAG,
        MAX_DLQ_RATE,
        DLQ_WINDOW,
        MAX_WRITE_AGE,
        MAX_FORECAST_AGE,
        CACHE);
  }

  /**
   * The health settings of one API instance.
   *
   * @param flinkRest empty: Flink is not checked
   * @param expectedJobs empty: every job the cluster lists must run
   * @param groupPrefix the job consumer groups whose lag is reported
   */
  public record HealthConfig(
      Optional<URI> flinkRest,
      List<String> expectedJobs,
      String groupPrefix,
      HealthThresholds thresholds,
      Duration deadLetterWindow,
      Duration cache) {

    public static HealthConfig fromEnv(java.util.Map<String, String> env) {
      ConfigReader r = new ConfigReader(env);
      return new HealthConfig(
          r.find(FLINK_REST),
          r.find(FLINK_JOBS).orElse(List.of()),
          r.get(CommonOptions.CONSUMER_GROUP_PREFIX),
          new HealthThresholds(
              r.get(MAX_GROUP_LAG),
              r.get(MAX_PARTITION_LAG),
              r.get(MAX_CHECKPOINT_AGE),
              r.get(MAX_WATERMARK_LAG),
              r.get(MAX_DLQ_RATE),
              r.get(MAX_WRITE_AGE),
              r.get(MAX_FORECAST_AGE)),
          r.get(DLQ_WINDOW),
          r.get(CACHE));
    }
  }
}
