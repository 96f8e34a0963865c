package io.voltstream.forecast.streaming;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every setting of the forecast service ({@link ForecastConfig}), declared once. */
public final class ForecastOptions {
  public static final Option<Path> MODEL_DIR =
      Option.of(
          "VOLTSTREAM_FORECAST_MODEL_DIR",
          ValueType.path(),
          null,
          "Where trained models are read; unset = <VOLTSTREAM_DATA_DIR>/models");
  public static final Option<List<String>> BUILDINGS =
      Option.of(
          "VOLTSTREAM_FORECAST_BUILDINGS",
          ValueType.list(),
          null,
          "Comma-separated buildings to forecast; unset = every building in room_metrics");
  public static final Option<Duration> INTERVAL =
      Option.of(
          "VOLTSTREAM_FORECAST_INTERVAL",
          ValueType.positiveDuration(),
          "1h",
          "How often the forecast runs");
  public static final Option<Integer> HORIZON_HOURS =
      Option.of(
              "VOLTSTREAM_FORECAST_HORIZON_HOURS",
              ValueType.integer(),
              "24",
              "Hours forecast per run (1..24)")
          .withUnit("h");
  public static final Option<Integer> HISTORY_DAYS =
      Option.of(
              "VOLTSTREAM_FORECAST_HISTORY_DAYS",
              ValueType.integer(),
              "35",
              "Days of history read per run (>= 8: the model's weekly lags need it)")
          .withUnit("d");
  public static final Option<Integer> ACCURACY_WINDOW_HOURS =
      Option.of(
              "VOLTSTREAM_FORECAST_ACCURACY_WINDOW_HOURS",
              ValueType.integer(),
              "168",
              "Window of the rolling accuracy (>= 1)")
          .withUnit("h");

  private ForecastOptions() {}

  /**
   * Every setting of the forecast service, shared ones included. {@code VOLTSTREAM_KAFKA_BOOTSTRAP}
   * is read only when set: unset, forecasts go to InfluxDB only; set, each batch is also published
   * to {@code forecasts}.
   */
  public static List<Option<?>> all() {
    return List.of(
        CommonOptions.INFLUX_URL,
        CommonOptions.INFLUX_DB,
        CommonOptions.DATA_DIR,
        MODEL_DIR,
        BUILDINGS,
        INTERVAL,
        HORIZON_HOURS,
        HISTORY_DAYS,
        ACCURACY_WINDOW_HOURS,
        CommonOptions.KAFKA_BOOTSTRAP);
  }
}
