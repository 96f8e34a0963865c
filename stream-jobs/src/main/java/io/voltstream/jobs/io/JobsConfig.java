package io.voltstream.jobs.io;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.ConfigReader;
import io.voltstream.config.Option;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration shared by every Flink job, read from the {@code VOLTSTREAM_*} variables declared in
 * {@link JobsOptions} (defaults, units and meaning there). Build it with {@link #fromEnv(Map)}
 * only: fields are added over time.
 *
 * @param kafkaBootstrap {@code VOLTSTREAM_KAFKA_BOOTSTRAP}, default {@code localhost:9092}
 * @param influxUrl {@code VOLTSTREAM_INFLUX_URL}, default {@code http://localhost:8086}
 * @param influxDb {@code VOLTSTREAM_INFLUX_DB}, default {@code voltstream}
 * @param influxUser {@code VOLTSTREAM_INFLUX_USER}, optional (HTTP basic auth, InfluxDB 1.x/2.x
 *     compat)
 * @param influxPassword {@code VOLTSTREAM_INFLUX_PASSWORD}, optional
 * @param influxToken {@code VOLTSTREAM_INFLUX_TOKEN}, optional ({@code Authorization: Token ...},
 *     2.x/3.x)
 * @param influxCreateDb {@code VOLTSTREAM_INFLUX_CREATE_DB}, default {@code true}: {@code CREATE
 *     DATABASE} on open
 * @param checkpointInterval {@code VOLTSTREAM_CHECKPOINT_INTERVAL}, default {@code 30s}
 * @param maxOutOfOrderness {@code VOLTSTREAM_MAX_OUT_OF_ORDERNESS}, default {@code 10s}
 * @param sourceIdleness {@code VOLTSTREAM_SOURCE_IDLENESS}, default {@code 30s}
 * @param window {@code VOLTSTREAM_WINDOW}, default {@code 1m} (room aggregation window)
 * @param allowedLateness {@code VOLTSTREAM_ALLOWED_LATENESS}, default {@code 0s}
 * @param consumerGroupPrefix {@code VOLTSTREAM_CONSUMER_GROUP_PREFIX}, default {@code voltstream-}
 * @param maxEventTimeAhead {@code VOLTSTREAM_MAX_EVENT_TIME_AHEAD}, default {@code 2m}: event times
 *     further ahead of the job's clock do not advance the watermark ({@link EventTimeWatermarks})
 */
public record JobsConfig(
    String kafkaBootstrap,
    String influxUrl,
    String influxDb,
    String influxUser,
    String influxPassword,
    String influxToken,
    boolean influxCreateDb,
    Duration checkpointInterval,
    Duration maxOutOfOrderness,
    Duration sourceIdleness,
    Duration window,
    Duration allowedLateness,
    String consumerGroupPrefix,
    Duration maxEventTimeAhead)
    implements Serializable {

  // Variable names, for callers that build an environment map (declared in
  // JobsOptions/CommonOptions).
  public static final String KAFKA_BOOTSTRAP = CommonOptions.KAFKA_BOOTSTRAP.name();
  public static final String INFLUX_URL = CommonOptions.INFLUX_URL.name();
  public static final String INFLUX_DB = CommonOptions.INFLUX_DB.name();
  public static final String INFLUX_USER = CommonOptions.INFLUX_USER.name();
  public static final String INFLUX_PASSWORD = CommonOptions.INFLUX_PASSWORD.name();
  public static final String CHECKPOINT_INTERVAL = JobsOptions.CHECKPOINT_INTERVAL.name();
  public static final String MAX_OUT_OF_ORDERNESS = JobsOptions.MAX_OUT_OF_ORDERNESS.name();
  public static final String SOURCE_IDLENESS = JobsOptions.SOURCE_IDLENESS.name();
  public static final String MAX_EVENT_TIME_AHEAD = JobsOptions.MAX_EVENT_TIME_AHEAD.name();
  public static final String WINDOW = JobsOptions.WINDOW.name();
  public static final String ALLOWED_LATENESS = JobsOptions.ALLOWED_LATENESS.name();

  public JobsConfig {
    require(KAFKA_BOOTSTRAP, kafkaBootstrap);
    require(INFLUX_DB, influxDb);
    require(JobsOptions.CONSUMER_GROUP_PREFIX.name(), consumerGroupPrefix);
    require(INFLUX_URL, influxUrl);
    URI uri;
    try {
      uri = URI.create(influxUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(INFLUX_URL + ": '" + influxUrl + "' is not a URL", e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          INFLUX_URL + ": '" + influxUrl + "' must be http(s)://host[:port]");
    }
    if (checkpointInterval.isZero()) {
      throw new IllegalArgumentException(CHECKPOINT_INTERVAL + " must be positive");
    }
    if (window.isZero()) {
      throw new IllegalArgumentException(WINDOW + " must be positive");
    }
    if ((influxUser == null) != (influxPassword == null)) {
      throw new IllegalArgumentException(
          INFLUX_USER + " and " + INFLUX_PASSWORD + " must be set together");
    }
  }

  /** Reads the configuration; unset or blank variables take their defaults. */
  public static JobsConfig fromEnv(Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    return new JobsConfig(
        r.get(CommonOptions.KAFKA_BOOTSTRAP),
        r.get(CommonOptions.INFLUX_URL).toString(),
        r.get(CommonOptions.INFLUX_DB),
        r.find(CommonOptions.INFLUX_USER).orElse(null),
        r.find(CommonOptions.INFLUX_PASSWORD).orElse(null),
        r.find(CommonOptions.INFLUX_TOKEN).orElse(null),
        r.get(JobsOptions.INFLUX_CREATE_DB),
        r.get(JobsOptions.CHECKPOINT_INTERVAL),
        r.get(JobsOptions.MAX_OUT_OF_ORDERNESS),
        r.get(JobsOptions.SOURCE_IDLENESS),
        r.get(JobsOptions.WINDOW),
        r.get(JobsOptions.ALLOWED_LATENESS),
        r.get(JobsOptions.CONSUMER_GROUP_PREFIX),
        r.get(JobsOptions.MAX_EVENT_TIME_AHEAD));
  }

  /**
   * Overlays command-line flags on the environment: {@code --kafka-bootstrap=host:9092} or {@code
   * --kafka-bootstrap host:9092} sets {@code VOLTSTREAM_KAFKA_BOOTSTRAP}.
   *
   * @throws IllegalArgumentException for an argument that is not a {@code --flag}
   */
  public static Map<String, String> withArgs(Map<String, String> env, String[] args) {
    Map<String, String> merged = new HashMap<>(env);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || a.length() < 3) {
        throw new IllegalArgumentException(
            "unexpected argument '"
                + a
                + "'; use --name=value, e.g. --influx-url=http://host:8086");
      }
      String name;
      String value;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(2, eq);
        value = a.substring(eq + 1);
      } else if (i + 1 < args.length) {
        name = a.substring(2);
        value = args[++i];
      } else {
        throw new IllegalArgumentException("missing value for " + a);
      }
      merged.put(Option.PREFIX + name.replace('-', '_').toUpperCase(Locale.ROOT), value);
    }
    return merged;
  }

  /** Consumer group of a job: the prefix followed by the job name. */
  public String groupId(String jobName) {
    return consumerGroupPrefix + jobName;
  }

  /** The Authorization header for InfluxDB with this configuration's credentials, or null. */
  public String influxAuthorization() {
    return influxAuthorization(influxToken, influxUser, influxPassword);
  }

  /** The Authorization header for a token (2.x) or user and password (1.x), or null for none. */
  static String influxAuthorization(String token, String user, String password) {
    if (token != null) {
      return "Token " + token;
    }
    if (user != null) {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  private static void require(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be empty");
    }
  }

  @Override
  public String toString() {
    return "JobsConfig[kafkaBootstrap="
        + kafkaBootstrap
        + ", influxUrl="
        + influxUrl
        + ", influxDb="
        + influxDb
        + ", influxUser="
        + influxUser
        + ", influxPassword="
        + (influxPassword == null ? null : "***")
        + ", influxToken="
        + (influxToken == null ? null : "***")
        + ", influxCreateDb="
        + influxCreateDb
        + ", checkpointInterval="
        + checkpointInterval
        + ", maxOutOfOrderness="
        + maxOutOfOrderness
        + ", sourceIdleness="
        + sourceIdleness
        + ", window="
        + window
        + ", allowedLateness="
        + allowedLateness
        + ", consumerGroupPrefix="
        + consumerGroupPrefix
        + ", maxEventTimeAhead="
        + maxEventTimeAhead
        + "]";
  }
}
