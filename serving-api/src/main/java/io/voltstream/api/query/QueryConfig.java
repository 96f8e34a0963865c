package io.voltstream.api.query;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the query, export and live features of the API, read from {@code VOLTSTREAM_*}
 * variables with documented defaults; invalid values fail at load time naming the key.
 *
 * @param cacheTtl how long identical InfluxQL answers are reused ({@code VOLTSTREAM_API_QUERY_CACHE_TTL_MS},
 *     default 2000 ms; 0 disables the cache)
 * @param maxRoomDataRange longest range of {@code /rooms/{name}/data} ({@code VOLTSTREAM_API_MAX_RANGE_DAYS},
 *     default 31 days; also bounds {@code /data/query})
 * @param maxPoints most points one query answer may hold ({@code VOLTSTREAM_API_MAX_POINTS}, default 50000);
 *     more is 422
 * @param exportPageSize rows fetched from InfluxDB per export page ({@code VOLTSTREAM_API_EXPORT_PAGE_ROWS},
 *     default 5000)
 * @param exportSlice time slice paged through with LIMIT/OFFSET ({@code VOLTSTREAM_API_EXPORT_SLICE_MIN},
 *     default 60 min)
 * @param maxExportRange longest export range ({@code VOLTSTREAM_API_EXPORT_MAX_DAYS}, default 366 days)
 * @param pricePerKwh energy price used for {@code cost} in room data ({@code VOLTSTREAM_API_PRICE_PER_KWH},
 *     default unset: cost is null)
 * @param currency currency of {@code cost} ({@code VOLTSTREAM_API_CURRENCY}, default {@code EUR})
 * @param liveQueueKeys distinct keys a WebSocket session may have pending before it sheds
 *     ({@code VOLTSTREAM_API_WS_QUEUE_KEYS}, default 1000)
 * @param liveAuthTimeout how long a WebSocket may stay unauthenticated waiting for an {@code auth}
 *     message ({@code VOLTSTREAM_API_WS_AUTH_TIMEOUT_MS}, default 5000 ms)
 */
public record QueryConfig(
    Duration cacheTtl,
    Duration maxRoomDataRange,
    int maxPoints,
    int exportPageSize,
    Duration exportSlice,
    Duration maxExportRange,
    Optional<Double> pricePerKwh,
    String currency,
    int liveQueueKeys,
    Duration liveAuthTimeout) {

  public static final String CACHE_TTL_MS = "VOLTSTREAM_API_QUERY_CACHE_TTL_MS";
  public static final String MAX_RANGE_DAYS = "VOLTSTREAM_API_MAX_RANGE_DAYS";
  public static final String MAX_POINTS = "VOLTSTREAM_API_MAX_POINTS";
  public static final String EXPORT_PAGE_ROWS = "VOLTSTREAM_API_EXPORT_PAGE_ROWS";
  public static final String EXPORT_SLICE_MIN = "VOLTSTREAM_API_EXPORT_SLICE_MIN";
  public static final String EXPORT_MAX_DAYS = "VOLTSTREAM_API_EXPORT_MAX_DAYS";
  public static final String PRICE_PER_KWH = "VOLTSTREAM_API_PRICE_PER_KWH";
  public static final String CURRENCY = "VOLTSTREAM_API_CURRENCY";
  public static final String WS_QUEUE_KEYS = "VOLTSTREAM_API_WS_QUEUE_KEYS";
  public static final String WS_AUTH_TIMEOUT_MS = "VOLTSTREAM_API_WS_AUTH_TIMEOUT_MS";

  public QueryConfig {
    require(!cacheTtl.isNegative(), CACHE_TTL_MS, "must be >= 0");
    require(maxRoomDataRange.toHours() >= 1, MAX_RANGE_DAYS, "must be >= 1");
    require(maxPoints >= 100, MAX_POINTS, "must be >= 100");
    require(exportPageSize >= 1 && exportPageSize <= 100_000, EXPORT_PAGE_ROWS, "must be 1..100000");
    require(exportSlice.toMinutes() >= 1, EXPORT_SLICE_MIN, "must be >= 1");
    require(maxExportRange.toDays() >= 1, EXPORT_MAX_DAYS, "must be >= 1");
    require(pricePerKwh.map(p -> p >= 0 && Double.isFinite(p)).orElse(true), PRICE_PER_KWH, "must be a number >= 0");
    require(currency != null && currency.matches("[A-Z]{3}"), CURRENCY, "must be a 3-letter ISO 4217 code, e.g. EUR");
    require(liveQueueKeys >= 1, WS_QUEUE_KEYS, "must be >= 1");
    require(liveAuthTimeout.toMillis() >= 100, WS_AUTH_TIMEOUT_MS, "must be >= 100");
  }

  public static QueryConfig defaults() {
    return fromEnv(Map.of());
  }

  public static QueryConfig fromEnv(Map<String, String> env) {
    return new QueryConfig(
        Duration.ofMillis(number(env, CACHE_TTL_MS, 2000)),
        Duration.ofDays(number(env, MAX_RANGE_DAYS, 31)),
        (int) number(env, MAX_POINTS, 50_000),
        (int) number(env, EXPORT_PAGE_ROWS, 5000),
        Duration.ofMinutes(number(env, EXPORT_SLICE_MIN, 60)),
        Duration.ofDays(number(env, EXPORT_MAX_DAYS, 366)),
        price(env),
        env.getOrDefault(CURRENCY, "EUR").trim(),
        (int) number(env, WS_QUEUE_KEYS, 1000),
        Duration.ofMillis(number(env, WS_AUTH_TIMEOUT_MS, 5000)));
  }

  public QueryConfig withCacheTtl(Duration ttl) {
    return new QueryConfig(ttl, maxRoomDataRange, maxPoints, exportPageSize, exportSlice, maxExportRange,
        pricePerKwh, currency, liveQueueKeys, liveAuthTimeout);
  }

  public QueryConfig withMaxPoints(int points) {
    return new QueryConfig(cacheTtl, maxRoomDataRange, points, exportPageSize, exportSlice, maxExportRange,
        pricePerKwh, currency, liveQueueKeys, liveAuthTimeout);
  }

  public QueryConfig withExportPageSize(int rows) {
    return new QueryConfig(cacheTtl, maxRoomDataRange, maxPoints, rows, exportSlice, maxExportRange,
        pricePerKwh, currency, liveQueueKeys, liveAuthTimeout);
  }

  public QueryConfig withLiveQueueKeys(int keys) {
    return new QueryConfig(cacheTtl, maxRoomDataRange, maxPoints, exportPageSize, exportSlice, maxExportRange,
        pricePerKwh, currency, keys, liveAuthTimeout);
  }

  public QueryConfig withPricePerKwh(double price) {
    return new QueryConfig(cacheTtl, maxRoomDataRange, maxPoints, exportPageSize, exportSlice, maxExportRange,
        Optional.of(price), currency, liveQueueKeys, liveAuthTimeout);
  }

  private static long number(Map<String, String> env, String key, long dflt) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, was '" + v + "'", e);
    }
  }

  private static Optional<Double> price(Map<String, String> env) {
    String v = env.get(PRICE_PER_KWH);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(v.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PRICE_PER_KWH + " must be a number such as 0.30, was '" + v + "'", e);
    }
  }

  private static void require(boolean ok, String key, String message) {
    if (!ok) {
      throw new IllegalArgumentException(key + " " + message);
    }
  }
}
