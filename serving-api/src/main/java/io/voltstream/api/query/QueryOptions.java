package io.voltstream.api.query;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Every setting of the API's query, export and live features ({@link QueryConfig}), declared once.
 */
public final class QueryOptions {
  public static final Option<Duration> CACHE_TTL =
      Option.of(
              "VOLTSTREAM_API_QUERY_CACHE_TTL",
              ValueType.duration(),
              "2s",
              "How long identical InfluxQL answers are reused; 0 disables the cache")
          .replaces("VOLTSTREAM_API_QUERY_CACHE_TTL_MS", ChronoUnit.MILLIS);
  public static final Option<Duration> MAX_RANGE =
      Option.of(
              "VOLTSTREAM_API_MAX_RANGE",
              ValueType.duration(Duration.ofHours(1), null),
              "31d",
              "Longest range of /rooms/{name}/data and /data/query")
          .replaces("VOLTSTREAM_API_MAX_RANGE_DAYS", ChronoUnit.DAYS);
  public static final Option<Integer> MAX_POINTS =
      Option.of(
              "VOLTSTREAM_API_MAX_POINTS",
              ValueType.integer(100, Integer.MAX_VALUE),
              "50000",
              "Most points one query answer may hold; more is 422")
          .withUnit("points");
  public static final Option<Integer> EXPORT_PAGE_ROWS =
      Option.of(
              "VOLTSTREAM_API_EXPORT_PAGE_ROWS",
              ValueType.integer(1, 100_000),
              "5000",
              "Rows fetched from InfluxDB per export page")
          .withUnit("rows");
  public static final Option<Duration> EXPORT_SLICE =
      Option.of(
              "VOLTSTREAM_API_EXPORT_SLICE",
              ValueType.duration(Duration.ofMinutes(1), null),
              "1h",
              "Time slice an export pages through with LIMIT/OFFSET")
          .replaces("VOLTSTREAM_API_EXPORT_SLICE_MIN", ChronoUnit.MINUTES);
  public static final Option<Duration> EXPORT_MAX_RANGE =
      Option.of(
              "VOLTSTREAM_API_EXPORT_MAX_RANGE",
              ValueType.duration(Duration.ofDays(1), null),
              "366d",
              "Longest export range")
          .replaces("VOLTSTREAM_API_EXPORT_MAX_DAYS", ChronoUnit.DAYS);
  public static final Option<String> CURRENCY =
      Option.of(
          "VOLTSTREAM_API_CURRENCY",
          ValueType.matching("[A-Z]{3}", "a 3-letter ISO 4217 code, e.g. EUR"),
          "EUR",
          "Currency of `cost`");
  public static final Option<Integer> WS_QUEUE_KEYS =
      Option.of(
              "VOLTSTREAM_API_WS_QUEUE_KEYS",
              ValueType.integer(1, Integer.MAX_VALUE),
              "1000",
              "Distinct keys a WebSocket session may have pending before it sheds")
          .withUnit("keys");
  public static final Option<Duration> WS_AUTH_TIMEOUT =
      Option.of(
              "VOLTSTREAM_API_WS_AUTH_TIMEOUT",
              ValueType.duration(Duration.ofMillis(100), null),
              "5s",
              "How long a WebSocket may stay unauthenticated waiting for an auth message")
          .replaces("VOLTSTREAM_API_WS_AUTH_TIMEOUT_MS", ChronoUnit.MILLIS);

  private QueryOptions() {}

  public static List<Option<?>> all() {
    return List.of(
        CACHE_TTL,
        MAX_RANGE,
        MAX_POINTS,
        EXPORT_PAGE_ROWS,
        EXPORT_SLICE,
        EXPORT_MAX_RANGE,
        CURRENCY,
        WS_QUEUE_KEYS,
        WS_AUTH_TIMEOUT);
  }
}
