package io.voltstream.api.query;

import io.voltstream.config.ConfigReader;
import io.voltstream.config.Option;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the query, export and live features of the API, read from the {@code VOLTSTREAM_*}
 * variables declared (with defaults, units and meaning) in {@link QueryOptions}; invalid values
 * fail at load time naming the variable.
 */
public record QueryConfig(
    Duration cacheTtl,
    Duration maxRoomDataRange,
    int maxPoints,
    int exportPageSize,
    Duration exportSlice,
    Duration maxExportRange,
    String currency,
    int liveQueueKeys,
    Duration liveAuthTimeout) {

  public QueryConfig {
    require(!cacheTtl.isNegative(), QueryOptions.CACHE_TTL, "must be >= 0");
    require(maxRoomDataRange.toHours() >= 1, QueryOptions.MAX_RANGE, "must be >= 1h");
    require(maxPoints >= 100, QueryOptions.MAX_POINTS, "must be >= 100");
    require(
        exportPageSize >= 1 && exportPageSize <= 100_000,
        QueryOptions.EXPORT_PAGE_ROWS,
        "must be 1..100000");
    require(exportSlice.toMinutes() >= 1, QueryOptions.EXPORT_SLICE, "must be >= 1m");
    require(maxExportRange.toDays() >= 1, QueryOptions.EXPORT_MAX_RANGE, "must be >= 1d");
    ConfigReader.requireValid(QueryOptions.CURRENCY, currency);
    require(liveQueueKeys >= 1, QueryOptions.WS_QUEUE_KEYS, "must be >= 1");
    require(liveAuthTimeout.toMillis() >= 100, QueryOptions.WS_AUTH_TIMEOUT, "must be >= 100ms");
  }

  public static QueryConfig defaults() {
    return fromEnv(Map.of());
  }

  public static QueryConfig fromEnv(Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    return new QueryConfig(
        r.get(QueryOptions.CACHE_TTL),
        r.get(QueryOptions.MAX_RANGE),
        r.get(QueryOptions.MAX_POINTS),
        r.get(QueryOptions.EXPORT_PAGE_ROWS),
        r.get(QueryOptions.EXPORT_SLICE),
        r.get(QueryOptions.EXPORT_MAX_RANGE),
        r.get(QueryOptions.CURRENCY),
        r.get(QueryOptions.WS_QUEUE_KEYS),
        r.get(QueryOptions.WS_AUTH_TIMEOUT));
  }

  public QueryConfig withCacheTtl(Duration ttl) {
    return new QueryConfig(
        ttl,
        maxRoomDataRange,
        maxPoints,
        exportPageSize,
        exportSlice,
        maxExportRange,
        currency,
        liveQueueKeys,
        liveAuthTimeout);
  }

  public QueryConfig withMaxPoints(int points) {
    return new QueryConfig(
        cacheTtl,
        maxRoomDataRange,
        points,
        exportPageSize,
        exportSlice,
        maxExportRange,
        currency,
        liveQueueKeys,
        liveAuthTimeout);
  }

  public QueryConfig withExportPageSize(int rows) {
    return new QueryConfig(
        cacheTtl,
        maxRoomDataRange,
        maxPoints,
        rows,
        exportSlice,
        maxExportRange,
        currency,
        liveQueueKeys,
        liveAuthTimeout);
  }

  public QueryConfig withLiveQueueKeys(int keys) {
    return new QueryConfig(
        cacheTtl,
        maxRoomDataRange,
        maxPoints,
        exportPageSize,
        exportSlice,
        maxExportRange,
        currency,
        keys,
        liveAuthTimeout);
  }

  private static void require(boolean ok, Option<?> option, String message) {
    if (!ok) {
      throw new IllegalArgumentException(option.name() + " " + message);
    }
  }
}
