package io.voltstream.jobs.io;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;

/** Every setting shared by the Flink jobs ({@link JobsConfig}), declared once. */
public final class JobsOptions {
  public static final Option<Boolean> INFLUX_CREATE_DB =
      Option.of(
          "VOLTSTREAM_INFLUX_CREATE_DB",
          ValueType.bool(),
          "true",
          "CREATE DATABASE when the InfluxDB sink opens");
  public static final Option<Duration> CHECKPOINT_INTERVAL =
      Option.of(
          "VOLTSTREAM_CHECKPOINT_INTERVAL",
          ValueType.positiveDuration(),
          "30s",
          "Flink checkpoint interval");
  public static final Option<Duration> MAX_OUT_OF_ORDERNESS =
      Option.of(
          "VOLTSTREAM_MAX_OUT_OF_ORDERNESS",
          ValueType.duration(),
          "10s",
          "How far behind the newest reading a reading may be and still count");
  public static final Option<Duration> SOURCE_IDLENESS =
      Option.of(
          "VOLTSTREAM_SOURCE_IDLENESS",
          ValueType.positiveDuration(),
          "30s",
          "A Kafka partition without data for this long no longer holds the watermark");
  public static final Option<Duration> MAX_EVENT_TIME_AHEAD =
      Option.of(
          "VOLTSTREAM_MAX_EVENT_TIME_AHEAD",
          ValueType.duration(),
          "2m",
          "A reading stamped further than this ahead of the job's clock does not advance the"
              + " watermark (a device clock running ahead must not make other sensors late)");
  public static final Option<Duration> WINDOW =
      Option.of("VOLTSTREAM_WINDOW", ValueType.positiveDuration(), "1m", "Room aggregation window");
  public static final Option<Duration> ALLOWED_LATENESS =
      Option.of(
          "VOLTSTREAM_ALLOWED_LATENESS",
          ValueType.duration(),
          "0s",
          "How long a fired window still accepts (and re-emits for) late readings");

  /** Shared with the API, whose {@code /health} reports the lag of these groups. */
  public static final Option<String> CONSUMER_GROUP_PREFIX = CommonOptions.CONSUMER_GROUP_PREFIX;

  private JobsOptions() {}

  /**
   * Every setting the jobs share, shared ones included (the alert job adds {@code AlertOptions}).
   */
  public static List<Option<?>> all() {
    return List.of(
        CommonOptions.KAFKA_BOOTSTRAP,
        CommonOptions.INFLUX_URL,
        CommonOptions.INFLUX_DB,
        CommonOptions.INFLUX_USER,
        CommonOptions.INFLUX_PASSWORD,
        CommonOptions.INFLUX_TOKEN,
        INFLUX_CREATE_DB,
        CHECKPOINT_INTERVAL,
        MAX_OUT_OF_ORDERNESS,
        SOURCE_IDLENESS,
        MAX_EVENT_TIME_AHEAD,
        WINDOW,
        ALLOWED_LATENESS,
        CONSUMER_GROUP_PREFIX);
  }
}
