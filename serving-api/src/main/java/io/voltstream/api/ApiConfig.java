package io.voltstream.api;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of one API instance, read once in {@link ApiApp#main} from {@code VOLTSTREAM_*}
 * variables. Every key has a default; invalid values fail at load time with a message naming the
 * key.
 *
 * @param host bind address ({@code VOLTSTREAM_API_HOST}, default {@code 0.0.0.0})
 * @param port HTTP port ({@code VOLTSTREAM_API_PORT}, default 8000; 0 = any free port)
 * @param dataDir data directory holding {@code jwt.secret} and {@code admin.token}
 *     ({@code VOLTSTREAM_DATA_DIR}, default {@code ./var})
 * @param kafkaBootstrap Kafka bootstrap servers ({@code VOLTSTREAM_KAFKA_BOOTSTRAP}, default
 *     {@code localhost:9092})
 * @param influxUrl InfluxDB base URL ({@code VOLTSTREAM_INFLUX_URL}, default
 *     {@code http://localhost:8086})
 * @param influxDb InfluxDB database ({@code VOLTSTREAM_INFLUX_DB}, default {@code voltstream})
 * @param jwtSecret HS256 secret, at least 32 characters ({@code VOLTSTREAM_JWT_SECRET}; empty: read
 *     or generate {@code <dataDir>/jwt.secret}, mode 600)
 * @param tokenTtl default lifetime of minted tokens ({@code VOLTSTREAM_API_TOKEN_TTL_S}, default
 *     86400 s)
 * @param adminTokenTtl lifetime of the bootstrap admin token ({@code VOLTSTREAM_API_ADMIN_TOKEN_TTL_S},
 *     default 31536000 s = 365 days)
 * @param rateLimitPerSecond sustained requests per second per token (or per IP without one)
 *     ({@code VOLTSTREAM_API_RATE_LIMIT_RPS}, default 200; 0 disables rate limiting)
 * @param rateLimitBurst requests allowed in a burst above the sustained rate
 *     ({@code VOLTSTREAM_API_RATE_LIMIT_BURST}, default 400)
 * @param maxBodyBytes largest accepted request body ({@code VOLTSTREAM_API_MAX_BODY_BYTES}, default
 *     1048576 B); larger bodies get 413
 * @param requestTimeout idle timeout of a connection and bound of a blocking request
 *     ({@code VOLTSTREAM_API_REQUEST_TIMEOUT_S}, default 30 s)
 * @param writeTimeout how long a registry/token write waits for Kafka and for the local view to
 *     catch up ({@code VOLTSTREAM_API_WRITE_TIMEOUT_MS}, default 10000 ms)
 */
public record ApiConfig(
    String host,
    int port,
    Path dataDir,
    String kafkaBootstrap,
    URI influxUrl,
    String influxDb,
    Optional<String> jwtSecret,
    Duration tokenTtl,
    Duration adminTokenTtl,
    int rateLimitPerSecond,
    int rateLimitBurst,
    long maxBodyBytes,
    Duration requestTimeout,
    Duration writeTimeout) {

  public static final String HOST = "VOLTSTREAM_API_HOST";
  public static final String PORT = "VOLTSTREAM_API_PORT";
  public static final String DATA_DIR = "VOLTSTREAM_DATA_DIR";
  public static final String KAFKA_BOOTSTRAP = "VOLTSTREAM_KAFKA_BOOTSTRAP";
  public static final String INFLUX_URL = "VOLTSTREAM_INFLUX_URL";
  public static final String INFLUX_DB = "VOLTSTREAM_INFLUX_DB";
  public static final String JWT_SECRET = "VOLTSTREAM_JWT_SECRET";
  public static final String TOKEN_TTL_S = "VOLTSTREAM_API_TOKEN_TTL_S";
  public static final String ADMIN_TOKEN_TTL_S = "VOLTSTREAM_API_ADMIN_TOKEN_TTL_S";
  public static final String RATE_LIMIT_RPS = "VOLTSTREAM_API_RATE_LIMIT_RPS";
  public static final String RATE_LIMIT_BURST = "VOLTSTREAM_API_RATE_LIMIT_BURST";
  public static final String MAX_BODY_BYTES = "VOLTSTREAM_API_MAX_BODY_BYTES";
  public static final String REQUEST_TIMEOUT_S = "VOLTSTREAM_API_REQUEST_TIMEOUT_S";
  public static final String WRITE_TIMEOUT_MS = "VOLTSTREAM_API_WRITE_TIMEOUT_MS";

  /** Minimum length of a configured HS256 secret. */
  public static final int MIN_SECRET_LENGTH = 32;

  public ApiConfig {
    require(host != null && !host.isBlank(), HOST, "must not be empty");
    require(port >= 0 && port <= 65535, PORT, "must be 0..65535, was " + port);
    require(dataDir != null, DATA_DIR, "must be set");
    require(kafkaBootstrap != null && !kafkaBootstrap.isBlank(), KAFKA_BOOTSTRAP, "must not be empty");
    require(influxUrl != null && influxUrl.getScheme() != null && influxUrl.getScheme().startsWith("http"),
        INFLUX_URL, "must be an http(s) URL, e.g. http://localhost:8086");
    require(influxDb != null && influxDb.matches("[A-Za-z0-9_-]{1,64}"), INFLUX_DB,
        "must match [A-Za-z0-9_-]{1,64}");
    jwtSecret = jwtSecret == null ? Optional.empty() : jwtSecret.filter(s -> !s.isBlank());
    require(jwtSecret.map(s -> s.length() >= MIN_SECRET_LENGTH).orElse(true), JWT_SECRET,
        "must be at least " + MIN_SECRET_LENGTH + " characters (or unset to generate <data dir>/jwt.secret)");
    require(tokenTtl != null && !tokenTtl.isNegative() && !tokenTtl.isZero(), TOKEN_TTL_S, "must be > 0");
    require(adminTokenTtl != null && !adminTokenTtl.isNegative() && !adminTokenTtl.isZero(), ADMIN_TOKEN_TTL_S,
        "must be > 0");
    require(rateLimitPerSecond >= 0, RATE_LIMIT_RPS, "must be >= 0 (0 disables)");
    require(rateLimitBurst >= 1, RATE_LIMIT_BURST, "must be >= 1");
    require(maxBodyBytes >= 1024, MAX_BODY_BYTES, "must be >= 1024");
    require(requestTimeout != null && requestTimeout.toMillis() >= 1000, REQUEST_TIMEOUT_S, "must be >= 1");
    require(writeTimeout != null && writeTimeout.toMillis() >= 100, WRITE_TIMEOUT_MS, "must be >= 100");
  }

  /** Defaults for every key; see the record's documentation. */
  public static ApiConfig defaults() {
    return fromEnv(Map.of());
  }

  /** Reads the {@code VOLTSTREAM_*} keys of {@code env}, using defaults for absent ones. */
  public static ApiConfig fromEnv(Map<String, String> env) {
    return new ApiConfig(
        str(env, HOST, "0.0.0.0"),
        integer(env, PORT, 8000),
        Path.of(str(env, DATA_DIR, "./var")),
        str(env, KAFKA_BOOTSTRAP, "localhost:9092"),
        uri(env, INFLUX_URL, "http://localhost:8086"),
        str(env, INFLUX_DB, "voltstream"),
        Optional.ofNullable(env.get(JWT_SECRET)),
        Duration.ofSeconds(integer(env, TOKEN_TTL_S, 86_400)),
        Duration.ofSeconds(integer(env, ADMIN_TOKEN_TTL_S, 31_536_000)),
        integer(env, RATE_LIMIT_RPS, 200),
        integer(env, RATE_LIMIT_BURST, 400),
        integer(env, MAX_BODY_BYTES, 1_048_576),
        Duration.ofSeconds(integer(env, REQUEST_TIMEOUT_S, 30)),
        Duration.ofMillis(integer(env, WRITE_TIMEOUT_MS, 10_000)));
  }

  public ApiConfig withPort(int newPort) {
    return new ApiConfig(host, newPort, dataDir, kafkaBootstrap, influxUrl, influxDb, jwtSecret, tokenTtl,
        adminTokenTtl, rateLimitPerSecond, rateLimitBurst, maxBodyBytes, requestTimeout, writeTimeout);
  }

  private static String str(Map<String, String> env, String key, String dflt) {
    String v = env.get(key);
    return v == null || v.isBlank() ? dflt : v.trim();
  }

  private static int integer(Map<String, String> env, String key, int dflt) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, was '" + v + "'", e);
    }
  }

  private static URI uri(Map<String, String> env, String key, String dflt) {
    String v = str(env, key, dflt);
    try {
      return URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be a URL such as " + dflt + ", was '" + v + "'", e);
    }
  }

  private static void require(boolean ok, String key, String message) {
    if (!ok) {
      throw new IllegalArgumentException(key + " " + message);
    }
  }
}
