package io.voltstream.api;

import io.voltstream.api.auth.Redaction;
import io.voltstream.config.CommonOptions;
import io.voltstream.config.ConfigReader;
import io.voltstream.config.Option;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of one API instance, read once in {@link ApiApp#main} from the {@code VOLTSTREAM_*}
 * variables declared in {@link ApiOptions}. Every key has a default; invalid values fail at load
 * time with a message naming the key.
 *
 * @param host bind address ({@code VOLTSTREAM_API_HOST}, default {@code 0.0.0.0})
 * @param port HTTP port ({@code VOLTSTREAM_API_PORT}, default 8000; 0 = any free port)
 * @param dataDir data directory holding {@code jwt.secret} and {@code admin.token} ({@code
 *     VOLTSTREAM_DATA_DIR}, default {@code ./var})
 * @param kafkaBootstrap Kafka bootstrap servers ({@code VOLTSTREAM_KAFKA_BOOTSTRAP}, default {@code
 *     localhost:9092})
 * @param influxUrl InfluxDB base URL ({@code VOLTSTREAM_INFLUX_URL}, default {@code
 *     http://localhost:8086})
 * @param influxDb InfluxDB database ({@code VOLTSTREAM_INFLUX_DB}, default {@code voltstream})
 * @param jwtSecret HS256 secret, at least 32 characters ({@code VOLTSTREAM_JWT_SECRET}; empty: read
 *     or generate {@code <dataDir>/jwt.secret}, mode 600)
 * @param tokenTtl default lifetime of minted tokens ({@code VOLTSTREAM_API_TOKEN_TTL}, default 1d)
 * @param adminTokenTtl lifetime of the bootstrap admin token ({@code
 *     VOLTSTREAM_API_ADMIN_TOKEN_TTL}, default 365d)
 * @param rateLimitPerSecond sustained requests per second per token (or per IP without one) ({@code
 *     VOLTSTREAM_API_RATE_LIMIT_RPS}, default 200; 0 disables rate limiting)
 * @param rateLimitBurst requests allowed in a burst above the sustained rate ({@code
 *     VOLTSTREAM_API_RATE_LIMIT_BURST}, default 400)
 * @param maxBodyBytes largest accepted request body ({@code VOLTSTREAM_API_MAX_BODY_BYTES}, default
 *     1048576 B); larger bodies get 413
 * @param requestTimeout idle timeout of a connection and bound of a blocking request ({@code
 *     VOLTSTREAM_API_REQUEST_TIMEOUT}, default 30s)
 * @param writeTimeout how long a registry/token write waits for Kafka and for the local view to
 *     catch up ({@code VOLTSTREAM_API_WRITE_TIMEOUT}, default 10s)
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

  // Variable names, for callers that build an environment map (declared in ApiOptions).
  public static final String HOST = ApiOptions.HOST.name();
  public static final String PORT = ApiOptions.PORT.name();
  public static final String DATA_DIR = CommonOptions.DATA_DIR.name();
  public static final String KAFKA_BOOTSTRAP = CommonOptions.KAFKA_BOOTSTRAP.name();
  public static final String INFLUX_URL = CommonOptions.INFLUX_URL.name();
  public static final String INFLUX_DB = CommonOptions.INFLUX_DB.name();
  public static final String JWT_SECRET = ApiOptions.JWT_SECRET.name();
  public static final String TOKEN_TTL = ApiOptions.TOKEN_TTL.name();
  public static final String ADMIN_TOKEN_TTL = ApiOptions.ADMIN_TOKEN_TTL.name();
  public static final String RATE_LIMIT_RPS = ApiOptions.RATE_LIMIT_RPS.name();
  public static final String RATE_LIMIT_BURST = ApiOptions.RATE_LIMIT_BURST.name();
  public static final String MAX_BODY_BYTES = ApiOptions.MAX_BODY_BYTES.name();
  public static final String REQUEST_TIMEOUT = ApiOptions.REQUEST_TIMEOUT.name();
  public static final String WRITE_TIMEOUT = ApiOptions.WRITE_TIMEOUT.name();

  /** Minimum length of a configured HS256 secret. */
  public static final int MIN_SECRET_LENGTH = ApiOptions.MIN_SECRET_LENGTH;

  public ApiConfig {
    require(host != null && !host.isBlank(), ApiOptions.HOST, "must not be empty");
    require(port >= 0 && port <= 65535, ApiOptions.PORT, "must be 0..65535, was " + port);
    require(dataDir != null, CommonOptions.DATA_DIR, "must be set");
    require(
        kafkaBootstrap != null && !kafkaBootstrap.isBlank(),
        CommonOptions.KAFKA_BOOTSTRAP,
        "must not be empty");
    ConfigReader.requireValid(
        CommonOptions.INFLUX_URL, influxUrl == null ? null : influxUrl.toString());
    ConfigReader.requireValid(CommonOptions.INFLUX_DB, influxDb);
    jwtSecret = jwtSecret == null ? Optional.empty() : jwtSecret.filter(s -> !s.isBlank());
    require(
        jwtSecret.map(s -> s.length() >= MIN_SECRET_LENGTH).orElse(true),
        ApiOptions.JWT_SECRET,
        "must be at least "
            + MIN_SECRET_LENGTH
            + " characters (or unset to generate <data dir>/jwt.secret)");
    require(
        tokenTtl != null && !tokenTtl.isNegative() && !tokenTtl.isZero(),
        ApiOptions.TOKEN_TTL,
        "must be > 0");
    require(
        adminTokenTtl != null && !adminTokenTtl.isNegative() && !adminTokenTtl.isZero(),
        ApiOptions.ADMIN_TOKEN_TTL,
        "must be > 0");
    require(rateLimitPerSecond >= 0, ApiOptions.RATE_LIMIT_RPS, "must be >= 0 (0 disables)");
    require(rateLimitBurst >= 1, ApiOptions.RATE_LIMIT_BURST, "must be >= 1");
    require(maxBodyBytes >= 1024, ApiOptions.MAX_BODY_BYTES, "must be >= 1024");
    require(
        requestTimeout != null && requestTimeout.toMillis() >= 1000,
        ApiOptions.REQUEST_TIMEOUT,
        "must be >= 1s");
    require(
        writeTimeout != null && writeTimeout.toMillis() >= 100,
        ApiOptions.WRITE_TIMEOUT,
        "must be >= 100ms");
  }

  /** Never prints the JWT secret (a record's default toString would; configs end up in logs). */
  @Override
  public String toString() {
    return "ApiConfig[host="
        + host
        + ", port="
        + port
        + ", dataDir="
        + dataDir
        + ", kafkaBootstrap="
        + kafkaBootstrap
        + ", influxUrl="
        + influxUrl
        + ", influxDb="
        + influxDb
        + ", jwtSecret="
        + (jwtSecret.isPresent() ? Redaction.REDACTED : "<data dir>/jwt.secret")
        + ", tokenTtl="
        + tokenTtl
        + ", adminTokenTtl="
        + adminTokenTtl
        + ", rateLimitPerSecond="
        + rateLimitPerSecond
        + ", rateLimitBurst="
        + rateLimitBurst
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", requestTimeout="
        + requestTimeout
        + ", writeTimeout="
        + writeTimeout
        + "]";
  }

  /** Defaults for every key; see the record's documentation. */
  public static ApiConfig defaults() {
    return fromEnv(Map.of());
  }

  /** Reads the {@code VOLTSTREAM_*} keys of {@code env}, using defaults for absent ones. */
  public static ApiConfig fromEnv(Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    return new ApiConfig(
        r.get(ApiOptions.HOST),
        r.get(ApiOptions.PORT),
        r.get(CommonOptions.DATA_DIR),
        r.get(CommonOptions.KAFKA_BOOTSTRAP),
        r.get(CommonOptions.INFLUX_URL),
        r.get(CommonOptions.INFLUX_DB),
        r.find(ApiOptions.JWT_SECRET),
        r.get(ApiOptions.TOKEN_TTL),
        r.get(ApiOptions.ADMIN_TOKEN_TTL),
        r.get(ApiOptions.RATE_LIMIT_RPS),
        r.get(ApiOptions.RATE_LIMIT_BURST),
        r.get(ApiOptions.MAX_BODY_BYTES),
        r.get(ApiOptions.REQUEST_TIMEOUT),
        r.get(ApiOptions.WRITE_TIMEOUT));
  }

  public ApiConfig withPort(int newPort) {
    return new ApiConfig(
        host,
        newPort,
        dataDir,
        kafkaBootstrap,
        influxUrl,
        influxDb,
        jwtSecret,
        tokenTtl,
        adminTokenTtl,
        rateLimitPerSecond,
        rateLimitBurst,
        maxBodyBytes,
        requestTimeout,
        writeTimeout);
  }

  private static void require(boolean ok, Option<?> option, String message) {
    if (!ok) {
      throw new IllegalArgumentException(option.name() + " " + message);
    }
  }
}
