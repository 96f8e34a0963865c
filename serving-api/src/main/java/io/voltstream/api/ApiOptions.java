package io.voltstream.api;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Every setting of an API instance's core ({@link ApiConfig}), declared once; the query, export and
 * live settings are {@link io.voltstream.api.query.QueryOptions}.
 */
public final class ApiOptions {
  /** Minimum length of a configured HS256 secret. */
  public static final int MIN_SECRET_LENGTH = 32;

  public static final Option<String> HOST =
      Option.of("VOLTSTREAM_API_HOST", ValueType.string(), "0.0.0.0", "Bind address of the API");
  public static final Option<Integer> PORT =
      Option.of(
          "VOLTSTREAM_API_PORT",
          ValueType.integer(0, 65535),
          "8000",
          "HTTP port; 0 = any free port");
  public static final Option<String> JWT_SECRET =
      Option.of(
              "VOLTSTREAM_JWT_SECRET",
              ValueType.string()
                  .where(
                      s -> s.length() >= MIN_SECRET_LENGTH,
                      "at least " + MIN_SECRET_LENGTH + " characters"),
              null,
              "HS256 secret of the API's tokens; unset = read or generate <data dir>/jwt.secret"
                  + " (mode 600)")
          .asSecret();
  public static final Option<Duration> TOKEN_TTL =
      Option.of(
              "VOLTSTREAM_API_TOKEN_TTL",
              ValueType.positiveDuration(),
              "1d",
              "Default lifetime of minted tokens")
          .replaces("VOLTSTREAM_API_TOKEN_TTL_S", ChronoUnit.SECONDS);
  public static final Option<Duration> ADMIN_TOKEN_TTL =
      Option.of(
              "VOLTSTREAM_API_ADMIN_TOKEN_TTL",
              ValueType.positiveDuration(),
              "365d",
              "Lifetime of the bootstrap admin token (<data dir>/admin.token)")
          .replaces("VOLTSTREAM_API_ADMIN_TOKEN_TTL_S", ChronoUnit.SECONDS);
  public static final Option<Integer> RATE_LIMIT_RPS =
      Option.of(
              "VOLTSTREAM_API_RATE_LIMIT_RPS",
              ValueType.integer(0, Integer.MAX_VALUE),
              "200",
              "Sustained requests per second per token (or per IP without one); 0 disables rate"
                  + " limiting")
          .withUnit("req/s");
  public static final Option<Integer> RATE_LIMIT_BURST =
      Option.of(
              "VOLTSTREAM_API_RATE_LIMIT_BURST",
              ValueType.integer(1, Integer.MAX_VALUE),
              "400",
              "Requests allowed in a burst above the sustained rate")
          .withUnit("requests");
  public static final Option<Integer> MAX_BODY_BYTES =
      Option.of(
              "VOLTSTREAM_API_MAX_BODY_BYTES",
              ValueType.integer(1024, Integer.MAX_VALUE),
              "1048576",
              "Largest accepted request body; larger bodies get 413")
          .withUnit("B");
  public static final Option<Duration> REQUEST_TIMEOUT =
      Option.of(
              "VOLTSTREAM_API_REQUEST_TIMEOUT",
              ValueType.duration(Duration.ofSeconds(1), null),
              "30s",
              "Idle timeout of a connection and bound of a blocking request")
          .replaces("VOLTSTREAM_API_REQUEST_TIMEOUT_S", ChronoUnit.SECONDS);
  public static final Option<Duration> WRITE_TIMEOUT =
      Option.of(
              "VOLTSTREAM_API_WRITE_TIMEOUT",
              ValueType.duration(Duration.ofMillis(100), null),
              "10s",
              "How long a registry/token write waits for Kafka and for the local view to catch up")
          .replaces("VOLTSTREAM_API_WRITE_TIMEOUT_MS", ChronoUnit.MILLIS);

  /**
   * The first load of the local views (orders and their statuses) reads whole topics; after a first
   * demo start with four weeks of history, with every job restoring at the same time, that takes
   * longer than one write may wait.
   */
  public static final Option<Duration> STARTUP_TIMEOUT =
      Option.of(
          "VOLTSTREAM_API_STARTUP_TIMEOUT",
          ValueType.duration(Duration.ofSeconds(1), null),
          "2m",
          "How long the start may take to load the market order view from Kafka; then the API"
              + " does not start");

  private ApiOptions() {}

  /** Every setting of the API core, shared ones included. */
  public static List<Option<?>> all() {
    return List.of(
        HOST,
        PORT,
        CommonOptions.DATA_DIR,
        CommonOptions.KAFKA_BOOTSTRAP,
        CommonOptions.INFLUX_URL,
        CommonOptions.INFLUX_DB,
        JWT_SECRET,
        TOKEN_TTL,
        ADMIN_TOKEN_TTL,
        RATE_LIMIT_RPS,
        RATE_LIMIT_BURST,
        MAX_BODY_BYTES,
        REQUEST_TIMEOUT,
        WRITE_TIMEOUT,
        STARTUP_TIMEOUT);
  }
}
