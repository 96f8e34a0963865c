package io.voltstream.sim.load;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;

/** Every setting of the benchmark load generator ({@link LoadGeneratorConfig}), declared once. */
public final class LoadGeneratorOptions {
  public static final Option<Double> POINTS_PER_S =
      Option.of(
              "VOLTSTREAM_LOAD_POINTS_PER_S",
              ValueType.number(0, 100_000_000),
              "30000",
              "Target data points (metric values) per second")
          .withUnit("points/s");
  public static final Option<Integer> SENSORS =
      Option.of(
              "VOLTSTREAM_LOAD_SENSORS",
              ValueType.integer(1, 1_000_000),
              "1000",
              "Distinct sensor ids")
          .withUnit("sensors");
  public static final Option<Integer> ROOMS =
      Option.of(
              "VOLTSTREAM_LOAD_ROOMS",
              ValueType.integer(1, 100_000),
              "50",
              "Rooms the sensors are spread over")
          .withUnit("rooms");
  public static final Option<Integer> METRICS_PER_READING =
      Option.of(
              "VOLTSTREAM_LOAD_METRICS_PER_READING",
              ValueType.integer(1, LoadGeneratorConfig.MAX_METRICS),
              "6",
              "Metrics per reading")
          .withUnit("metrics");
  public static final Option<Integer> MAX_INFLIGHT =
      Option.of(
              "VOLTSTREAM_LOAD_MAX_INFLIGHT",
              ValueType.integer(1, 65_535),
              "2000",
              "Unacknowledged QoS 1 publishes")
          .withUnit("messages");
  public static final Option<String> SENSOR_PREFIX =
      Option.of(
          "VOLTSTREAM_LOAD_SENSOR_PREFIX",
          ValueType.matching("[A-Za-z0-9_.-]*", "letters, digits, '_', '.' or '-' only"),
          "load-",
          "Sensor id and room prefix");
  public static final Option<Duration> REPORT_INTERVAL =
      Option.of(
          "VOLTSTREAM_LOAD_REPORT_INTERVAL",
          ValueType.positiveDuration(),
          "5s",
          "How often the achieved rate is logged");

  private LoadGeneratorOptions() {}

  public static List<Option<?>> all() {
    return List.of(
        CommonOptions.MQTT_URL,
        POINTS_PER_S,
        SENSORS,
        ROOMS,
        METRICS_PER_READING,
        MAX_INFLIGHT,
        SENSOR_PREFIX,
        REPORT_INTERVAL);
  }
}
