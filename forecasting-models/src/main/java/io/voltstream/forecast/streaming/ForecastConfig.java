package io.voltstream.forecast.streaming;

import io.voltstream.model.EntityId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the {@link ForecastService}, from {@code VOLTSTREAM_*} environment variables.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>VOLTSTREAM_INFLUX_URL</td><td>http://localhost:8086</td></tr>
 *   <tr><td>VOLTSTREAM_INFLUX_DB</td><td>voltstream</td></tr>
 *   <tr><td>VOLTSTREAM_DATA_DIR</td><td>./var (models are read from its {@code models/})</td></tr>
 *   <tr><td>VOLTSTREAM_FORECAST_MODEL_DIR</td><td>$VOLTSTREAM_DATA_DIR/models</td></tr>
 *   <tr><td>VOLTSTREAM_FORECAST_BUILDINGS</td><td>empty = every building in room_metrics</td></tr>
 *   <tr><td>VOLTSTREAM_FORECAST_INTERVAL</td><td>1h (ISO-8601 or 90m/1h/1d)</td></tr>
 *   <tr><td>VOLTSTREAM_FORECAST_HORIZON_HOURS</td><td>24 (1..24)</td></tr>
 *   <tr><td>VOLTSTREAM_FORECAST_HISTORY_DAYS</td><td>35 (≥ 8)</td></tr>
 *   <tr><td>VOLTSTREAM_FORECAST_ACCURACY_WINDOW_HOURS</td><td>168</td></tr>
 *   <tr><td>VOLTSTREAM_KAFKA_BOOTSTRAP</td><td>unset = no Kafka; set: each batch is also published to
 *       {@code forecasts}</td></tr>
 * </table>
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
    Optional<String> kafkaBootstrap) {

  /** Without Kafka: forecasts go to InfluxDB only. */
  public ForecastConfig(URI influxUrl, String influxDb, Path modelDir, List<String> buildings, Duration interval,
      int horizonHours, int historyDays, int accuracyWindowHours) {
    this(influxUrl, influxDb, modelDir, buildings, interval, horizonHours, historyDays, accuracyWindowHours,
        Optional.empty());
  }

  public ForecastConfig {
    kafkaBootstrap = kafkaBootstrap == null ? Optional.empty()
        : kafkaBootstrap.map(String::trim).filter(s -> !s.isEmpty());
    EntityId.require("VOLTSTREAM_INFLUX_DB", influxDb);
    buildings = List.copyOf(buildings);
    buildings.forEach(b -> EntityId.require("VOLTSTREAM_FORECAST_BUILDINGS entry", b));
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("VOLTSTREAM_FORECAST_INTERVAL must be positive, got " + interval);
    }
    if (horizonHours < 1 || horizonHours > 24) {
      throw new IllegalArgumentException("VOLTSTREAM_FORECAST_HORIZON_HOURS must be 1..24, got " + horizonHours);
    }
    if (historyDays < 8) {
      throw new IllegalArgumentException(
          "VOLTSTREAM_FORECAST_HISTORY_DAYS must be ≥ 8 (the model's weekly lags need it), got " + historyDays);
    }
    if (accuracyWindowHours < 1) {
      throw new IllegalArgumentException("VOLTSTREAM_FORECAST_ACCURACY_WINDOW_HOURS must be ≥ 1, got " + accuracyWindowHours);
    }
  }

  public static ForecastConfig fromEnv(Map<String, String> env) {
    Path dataDir = Path.of(env.getOrDefault("VOLTSTREAM_DATA_DIR", "var"));
    String buildings = env.getOrDefault("VOLTSTREAM_FORECAST_BUILDINGS", "").trim();
    return new ForecastConfig(
        uri(env.getOrDefault("VOLTSTREAM_INFLUX_URL", "http://localhost:8086"), "VOLTSTREAM_INFLUX_URL"),
        env.getOrDefault("VOLTSTREAM_INFLUX_DB", "voltstream"),
        Path.of(env.getOrDefault("VOLTSTREAM_FORECAST_MODEL_DIR", dataDir.resolve("models").toString())),
        buildings.isEmpty() ? List.of() : Arrays.stream(buildings.split(",")).map(String::trim).toList(),
        duration(env.getOrDefault("VOLTSTREAM_FORECAST_INTERVAL", "1h"), "VOLTSTREAM_FORECAST_INTERVAL"),
        integer(env, "VOLTSTREAM_FORECAST_HORIZON_HOURS", 24),
        integer(env, "VOLTSTREAM_FORECAST_HISTORY_DAYS", 35),
        integer(env, "VOLTSTREAM_FORECAST_ACCURACY_WINDOW_HOURS", 168),
        Optional.ofNullable(env.get("VOLTSTREAM_KAFKA_BOOTSTRAP")));
  }

  private static URI uri(String value, String key) {
    try {
      URI u = URI.create(value.trim());
      if (u.getScheme() == null || !u.getScheme().startsWith("http") || u.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be an http(s) URL like http://localhost:8086, got '" + value + "'");
    }
  }

  private static int integer(Map<String, String> env, String key, int def) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return def;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'");
    }
  }

  private static Duration duration(String value, String key) {
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
      }
      long n = Long.parseLong(v.substring(0, v.length() - 1));
      return switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new IllegalArgumentException("unit");
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + " must be a duration like 1h, 30m or PT1H, got '" + value + "'");
    }
  }
}
