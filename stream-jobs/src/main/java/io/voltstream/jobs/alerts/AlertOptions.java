package io.voltstream.jobs.alerts;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;

/** The alert job's own settings ({@link AlertJobConfig}), declared once. */
public final class AlertOptions {
  public static final Option<Double> CO2_MAX_PPM =
      Option.of(
              "VOLTSTREAM_ALERT_CO2_MAX_PPM",
              ValueType.number(),
              "1000",
              "CO2 above this raises an alert")
          .withUnit("ppm");
  public static final Option<Double> TEMPERATURE_MIN_C =
      Option.of(
              "VOLTSTREAM_ALERT_TEMPERATURE_MIN_C",
              ValueType.number(),
              "16",
              "Temperature below this raises an alert")
          .withUnit("°C");
  public static final Option<Double> TEMPERATURE_MAX_C =
      Option.of(
              "VOLTSTREAM_ALERT_TEMPERATURE_MAX_C",
              ValueType.number(),
              "28",
              "Temperature above this raises an alert")
          .withUnit("°C");
  public static final Option<Duration> SENSOR_SILENCE =
      Option.of(
          "VOLTSTREAM_ALERT_SENSOR_SILENCE",
          ValueType.positiveDuration(),
          "5m",
          "A sensor silent this long raises an alert");
  public static final Option<Long> LATE_BURST_PER_MINUTE =
      Option.of(
              "VOLTSTREAM_ALERT_LATE_BURST_PER_MINUTE",
              ValueType.wholeNumber().where(n -> n >= 0, "a whole number >= 0"),
              "10",
              "More late readings than this in a minute raise an alert")
          .withUnit("readings/min");
  public static final Option<Duration> LATE_BURST_GRACE =
      Option.of(
          "VOLTSTREAM_ALERT_LATE_BURST_GRACE",
          ValueType.positiveDuration(),
          "70s",
          "How long after a minute's first late reading its count is evaluated");

  private AlertOptions() {}

  public static List<Option<?>> all() {
    return List.of(
        CO2_MAX_PPM,
        TEMPERATURE_MIN_C,
        TEMPERATURE_MAX_C,
        SENSOR_SILENCE,
        LATE_BURST_PER_MINUTE,
        LATE_BURST_GRACE);
  }
}
