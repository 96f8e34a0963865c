package io.voltstream.jobs.io;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration shared by every Flink job, read from {@code VOLTSTREAM_*} environment variables
 * (see the module README for the table). Build it with {@link #fromEnv(Map)} only: fields are
 * added over time.
 *
 * @param kafkaBootstrap {@code VOLTSTREAM_KAFKA_BOOTSTRAP}, default {@code localhost:9092}
 * @param influxUrl {@code VOLTSTREAM_INFLUX_URL}, default {@code http://localhost:8086}
 * @param influxDb {@code VOLTSTREAM_INFLUX_DB}, default {@code voltstream}
 * @param influxUser {@code VOLTSTREAM_INFLUX_USER}, optional (HTTP basic auth, InfluxDB 1.x/2.x compat)
 * @param influxPassword {@code VOLTSTREAM_INFLUX_PASSWORD}, optional
 * @param influxToken {@code VOLTSTREAM_INFLUX_TOKEN}, optional ({@code Authorization: Token ...}, 2.x/3.x)
 * @param influxCreateDb {@code VOLTSTREAM_INFLUX_CREATE_DB}, default {@code true}: {@code CREATE DATABASE} on open
 * @param checkpointInterval {@code VOLTSTREAM_CHECKPOINT_INTERVAL}, default {@code 30s}
 * @param maxOutOfOrderness {@code VOLTSTREAM_MAX_OUT_OF_ORDERNESS}, default {@code 10s}
 * @param sourceIdleness {@code VOLTSTREAM_SOURCE_IDLENESS}, default {@code 30s}
 * @param window {@code VOLTSTREAM_WINDOW}, default {@code 1m} (room aggregation window)
 * @param allowedLateness {@code VOLTSTREAM_ALLOWED_LATENESS}, default {@code 0s}
 * @param consumerGroupPrefix {@code VOLTSTREAM_CONSUMER_GROUP_PREFIX}, default {@code voltstream-}
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
    String consumerGroupPrefix)
    implements Serializable {

  public static final String PREFIX = "VOLTSTREAM_";
  public static final String KAFKA_BOOTSTRAP = "VOLTSTREAM_KAFKA_BOOTSTRAP";
  public static final String INFLUX_URL = "VOLTSTREAM_INFLUX_URL";
  public static final String INFLUX_DB = "VOLTSTREAM_INFLUX_DB";
  public static final String INFLUX_USER = "VOLTSTREAM_INFLUX_USER";
  public static final String INFLUX_PASSWORD = "VOLTSTREAM_INFLUX_PASSWORD";
  public static final String INFLUX_TOKEN = "VOLTSTREAM_INFLUX_TOKEN";
  public static final String INFLUX_CREATE_DB = "VOLTSTREAM_INFLUX_CREATE_DB";
  public static final String CHECKPOINT_INTERVAL = "VOLTSTREAM_CHECKPOINT_INTERVAL";
  public static final String MAX_OUT_OF_ORDERNESS = "VOLTSTREAM_MAX_OUT_OF_ORDERNESS";
  public static final String SOURCE_IDLENESS = "VOLTSTREAM_SOURCE_IDLENESS";
  public static final String WINDOW = "VOLTSTREAM_WINDOW";
  public static final String ALLOWED_LATENESS = "VOLTSTREAM_ALLOWED_LATENESS";
  public static final String CONSUMER_GROUP_PREFIX = "VOLTSTREAM_CONSUMER_GROUP_PREFIX";

  public JobsConfig {
    require(KAFKA_BOOTSTRAP, kafkaBootstrap);
    require(INFLUX_DB, influxDb);
    require(CONSUMER_GROUP_PREFIX, consumerGroupPrefix);
    require(INFLUX_URL, influxUrl);
    URI uri;
    try {
      uri = URI.create(influxUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(INFLUX_URL + ": '" + influxUrl + "' is not a URL", e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(INFLUX_URL + ": '" + influxUrl + "' must be http(s)://host[:port]");
    }
    if (checkpointInterval.isZero()) {
      throw new IllegalArgumentException(CHECKPOINT_INTERVAL + " must be positive");
    }
    if (window.isZero()) {
      throw new IllegalArgumentException(WINDOW + " must be positive");
    }
    if ((influxUser == null) != (influxPassword == null)) {
      throw new IllegalArgumentException(INFLUX_USER + " and " + INFLUX_PASSWORD + " must be set together");
    }
  }

  /** Reads the configuration; unset or blank variables take their defaults. */
  public static JobsConfig fromEnv(Map<String, String> env) {
    return new JobsConfig(
        get(env, KAFKA_BOOTSTRAP, "localhost:9092"),
        get(env, INFLUX_URL, "http://localhost:8086"),
        get(env, INFLUX_DB, "voltstream"),
        get(env, INFLUX_USER, null),
        get(env, INFLUX_PASSWORD, null),
        get(env, INFLUX_TOKEN, null),
        bool(env, INFLUX_CREATE_DB, true),
        Durations.parse(CHECKPOINT_INTERVAL, get(env, CHECKPOINT_INTERVAL, "30s")),
        Durations.parse(MAX_OUT_OF_ORDERNESS, get(env, MAX_OUT_OF_ORDERNESS, "10s")),
        Durations.parse(SOURCE_IDLENESS, get(env, SOURCE_IDLENESS, "30s")),
        Durations.parse(WINDOW, get(env, WINDOW, "1m")),
        Durations.parse(ALLOWED_LATENESS, get(env, ALLOWED_LATENESS, "0s")),
        get(env, CONSUMER_GROUP_PREFIX, "voltstream-"));
  }

  /**
   * Overlays command-line flags on the environment: {@code --kafka-bootstrap=host:9092} or
   * {@code --kafka-bootstrap host:9092} sets {@code VOLTSTREAM_KAFKA_BOOTSTRAP}.
   *
   * @throws IllegalArgumentException for an argument that is not a {@code --flag}
   */
  public static Map<String, String> withArgs(Map<String, String> env, String[] args) {
    Map<String, String> merged = new HashMap<>(env);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || a.length() < 3) {
        throw new IllegalArgumentException("unexpected argument '" + a + "'; use --name=value, e.g. --influx-url=http://host:8086");
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
      merged.put(PREFIX + name.replace('-', '_').toUpperCase(Locale.ROOT), value);
    }
    return merged;
  }

  /** Consumer group of a job: the prefix followed by the job name. */
  public String groupId(String jobName) {
    return consumerGroupPrefix + jobName;
  }

  private static String get(Map<String, String> env, String key, String dflt) {
    String v = env.get(key);
    return v == null || v.isBlank() ? dflt : v.trim();
  }

  private static boolean bool(Map<String, String> env, String key, boolean dflt) {
    String v = get(env, key, null);
    if (v == null) {
      return dflt;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(key + ": '" + v + "' is not a boolean (true/false)");
    };
  }

  private static void require(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be empty");
    }
  }

  @Override
  public String toString() {
    return "JobsConfig[kafkaBootstrap=" + kafkaBootstrap + ", influxUrl=" + influxUrl + ", influxDb=" + influxDb
        + ", influxUser=" + influxUser + ", influxPassword=" + (influxPassword == null ? null : "***")
        + ", influxToken=" + (influxToken == null ? null : "***") + ", influxCreateDb=" + influxCreateDb
        + ", checkpointInterval=" + checkpointInterval + ", maxOutOfOrderness=" + maxOutOfOrderness
        + ", sourceIdleness=" + sourceIdleness + ", window=" + window + ", allowedLateness=" + allowedLateness
        + ", consumerGroupPrefix=" + consumerGroupPrefix + "]";
  }
}
