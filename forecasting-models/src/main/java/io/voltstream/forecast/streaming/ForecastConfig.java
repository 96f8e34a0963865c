package io.voltstream.forecast.streaming;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.ConfigReader;
import io.voltstream.influx.InfluxClient;
import io.voltstream.model.EntityId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the {@link ForecastService}, from the {@code VOLTSTREAM_*} variables declared in
 * {@link ForecastOptions} (defaults, units and meaning there). Without {@code
 * VOLTSTREAM_KAFKA_BOOTSTRAP} forecasts go to InfluxDB only; with it each batch is also published
 * to {@code forecasts}.
 */
public record ForecastConfig(
    URI influxUrl,
    String influxDb,
    Path modelDir,
    List<String> buildings,
    Duration interval,
    int horizonHours,
    int historyDays,
    int accuracyWindowHours,
    Optional<String> kafkaBootstrap,
    Optional<String> influxAuthorization) {

  /** Without InfluxDB credentials (a server without auth, as in the demo). */
  public ForecastConfig(
      URI influxUrl,
      String influxDb,
      Path modelDir,
      List<String> buildings,
      Duration interval,
      int horizonHours,
      int historyDays,
      int accuracyWindowHours,
      Optional<String> kafkaBootstrap) {
    this(
        influxUrl,
        influxDb,
        modelDir,
        buildings,
        interval,
        horizonHours,
        historyDays,
        accuracyWindowHours,
        kafkaBootstrap,
        Optional.empty());
  }

  /** Without Kafka: forecasts go to InfluxDB only. */
  public ForecastConfig(
      URI influxUrl,
      String influxDb,
      Path modelDir,
      List<String> buildings,
      Duration interval,
      int horizonHours,
      int historyDays,
      int accuracyWindowHours) {
    this(
        influxUrl,
        influxDb,
        modelDir,
        buildings,
        interval,
        horizonHours,
        historyDays,
        accuracyWindowHours,
        Optional.empty());
  }

  public ForecastConfig {
    influxAuthorization = influxAuthorization == null ? Optional.empty() : influxAuthorization;
    kafkaBootstrap =
        kafkaBootstrap == null
            ? Optional.empty()
            : kafkaBootstrap.map(String::trim).filter(s -> !s.isEmpty());
    EntityId.require(CommonOptions.INFLUX_DB.name(), influxDb);
    buildings = List.copyOf(buildings);
    buildings.forEach(b -> EntityId.require(ForecastOptions.BUILDINGS.name() + " entry", b));
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          ForecastOptions.INTERVAL.name() + " must be positive, got " + interval);
    }
    if (horizonHours < 1 || horizonHours > 24) {
      throw new IllegalArgumentException(
          ForecastOptions.HORIZON_HOURS.name() + " must be 1..24, got " + horizonHours);
    }
    if (historyDays < 8) {
      throw new IllegalArgumentException(
          ForecastOptions.HISTORY_DAYS.name()
              + " must be ≥ 8 (the model's weekly lags need it), got "
              + historyDays);
    }
    if (accuracyWindowHours < 1) {
      throw new IllegalArgumentException(
          ForecastOptions.ACCURACY_WINDOW_HOURS.name()
              + " must be ≥ 1, got "
              + accuracyWindowHours);
    }
  }

  public static ForecastConfig fromEnv(Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    Path dataDir = r.get(CommonOptions.DATA_DIR);
    return new ForecastConfig(
        r.get(CommonOptions.INFLUX_URL),
        r.get(CommonOptions.INFLUX_DB),
        r.find(ForecastOptions.MODEL_DIR).orElse(dataDir.resolve("models").normalize()),
        r.find(ForecastOptions.BUILDINGS).orElse(List.of()),
        r.get(ForecastOptions.INTERVAL),
        r.get(ForecastOptions.HORIZON_HOURS),
        r.get(ForecastOptions.HISTORY_DAYS),
        r.get(ForecastOptions.ACCURACY_WINDOW_HOURS),
        r.explicit(CommonOptions.KAFKA_BOOTSTRAP),
        InfluxClient.basicAuthorization(
            r.find(CommonOptions.INFLUX_USER).orElse(null),
            r.find(CommonOptions.INFLUX_PASSWORD).orElse(null)));
  }

  /** The InfluxDB client of this configuration (with its credentials, when set). */
  public InfluxClient influxClient() {
    return new InfluxClient(influxUrl, influxDb, influxAuthorization, InfluxClient.DEFAULT_TIMEOUT);
  }

  /** Never prints the credentials. */
  @Override
  public String toString() {
    return "ForecastConfig[influxUrl="
        + influxUrl
        + ", influxDb="
        + influxDb
        + ", influxAuthorization="
        + (influxAuthorization.isPresent() ? "<set>" : "<none>")
        + ", modelDir="
        + modelDir
        + ", buildings="
        + buildings
        + ", interval="
        + interval
        + ", horizonHours="
        + horizonHours
        + ", historyDays="
        + historyDays
        + ", accuracyWindowHours="
        + accuracyWindowHours
        + ", kafkaBootstrap="
        + kafkaBootstrap
        + "]";
  }
}
