package io.voltstream.ingest;

import io.voltstream.model.Topics;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an ingest instance needs, loaded once from {@code VOLTSTREAM_*} environment variables
 * by {@link #fromEnv(Map)} and validated there, so a bad setting fails at start with a message that
 * names the variable.
 *
 * @param mqttHost broker host, from {@code VOLTSTREAM_MQTT_URL} (default {@code tcp://localhost:1883})
 * @param mqttPort broker port, from the same URL (default 1883)
 * @param mqttUsername optional {@code VOLTSTREAM_MQTT_USERNAME}; null for anonymous
 * @param mqttPassword optional {@code VOLTSTREAM_MQTT_PASSWORD}
 * @param kafkaBootstrap {@code VOLTSTREAM_KAFKA_BOOTSTRAP} (default {@code localhost:9092})
 * @param clientId MQTT client id, the key of the persistent session: {@code VOLTSTREAM_INGEST_CLIENT_ID}
 *     (default {@code voltstream-ingest-<HOSTNAME>}, or {@code voltstream-ingest-1} without HOSTNAME);
 *     must be stable across restarts and distinct per instance
 * @param group shared-subscription group, {@code VOLTSTREAM_INGEST_GROUP} (default {@code voltstream-ingest}):
 *     instances of one group split the readings between them
 * @param sharedSubscription {@code VOLTSTREAM_INGEST_SHARED_SUBSCRIPTION} (default true): subscribe to
 *     {@code $share/<group>/sensors/+/readings}; false subscribes to {@code sensors/+/readings} directly
 *     (one instance only; see the README on broker restarts)
 * @param readingsTopic {@code VOLTSTREAM_TOPIC_READINGS} (default {@code readings})
 * @param deadLetterTopic {@code VOLTSTREAM_TOPIC_READINGS_DLQ} (default {@code readings.dlq})
 * @param maxInFlight MQTT receive maximum, messages delivered but not yet acknowledged:
 *     {@code VOLTSTREAM_INGEST_MAX_IN_FLIGHT} (default 1000, 1..65535); this is the backpressure bound
 * @param sessionExpiry how long the broker keeps the session (and queues readings) while the instance
 *     is away: {@code VOLTSTREAM_INGEST_SESSION_EXPIRY_S} [s] (default 604800 = 7 days)
 * @param kafkaLinger {@code VOLTSTREAM_INGEST_KAFKA_LINGER_MS} [ms] (default 5)
 * @param kafkaCompression {@code VOLTSTREAM_INGEST_KAFKA_COMPRESSION}: none, gzip, snappy, lz4 or zstd (default lz4)
 * @param kafkaDeliveryTimeout how long the producer retries one record before the message is given
 *     back to the broker for redelivery: {@code VOLTSTREAM_INGEST_KAFKA_DELIVERY_TIMEOUT_MS} [ms]
 *     (default 120000)
 * @param metricsLogInterval {@code VOLTSTREAM_INGEST_METRICS_LOG_INTERVAL_S} [s] (default 30; 0 = never)
 */
public record IngestConfig(
    String mqttHost,
    int mqttPort,
    String mqttUsername,
    String mqttPassword,
    String kafkaBootstrap,
    String clientId,
    String group,
    boolean sharedSubscription,
    String readingsTopic,
    String deadLetterTopic,
    int maxInFlight,
    Duration sessionExpiry,
    Duration kafkaLinger,
    String kafkaCompression,
    Duration kafkaDeliveryTimeout,
    Duration metricsLogInterval) {

  public static final String MQTT_URL = "VOLTSTREAM_MQTT_URL";
  public static final String MQTT_USERNAME = "VOLTSTREAM_MQTT_USERNAME";
  public static final String MQTT_PASSWORD = "VOLTSTREAM_MQTT_PASSWORD";
  public static final String KAFKA_BOOTSTRAP = "VOLTSTREAM_KAFKA_BOOTSTRAP";
  public static final String CLIENT_ID = "VOLTSTREAM_INGEST_CLIENT_ID";
  public static final String GROUP = "VOLTSTREAM_INGEST_GROUP";
  public static final String SHARED_SUBSCRIPTION = "VOLTSTREAM_INGEST_SHARED_SUBSCRIPTION";
  public static final String TOPIC_READINGS = "VOLTSTREAM_TOPIC_READINGS";
  public static final String TOPIC_READINGS_DLQ = "VOLTSTREAM_TOPIC_READINGS_DLQ";
  public static final String MAX_IN_FLIGHT = "VOLTSTREAM_INGEST_MAX_IN_FLIGHT";
  public static final String SESSION_EXPIRY_S = "VOLTSTREAM_INGEST_SESSION_EXPIRY_S";
  public static final String KAFKA_LINGER_MS = "VOLTSTREAM_INGEST_KAFKA_LINGER_MS";
  public static final String KAFKA_COMPRESSION = "VOLTSTREAM_INGEST_KAFKA_COMPRESSION";
  public static final String KAFKA_DELIVERY_TIMEOUT_MS = "VOLTSTREAM_INGEST_KAFKA_DELIVERY_TIMEOUT_MS";
  public static final String METRICS_LOG_INTERVAL_S = "VOLTSTREAM_INGEST_METRICS_LOG_INTERVAL_S";

  private static final Set<String> COMPRESSIONS = Set.of("none", "gzip", "snappy", "lz4", "zstd");
  /** MQTT 5 encodes the session expiry interval as a four-byte integer of seconds. */
  private static final long MAX_SESSION_EXPIRY_S = 4_294_967_295L;

  public IngestConfig {
    require(mqttHost != null && !mqttHost.isBlank(), MQTT_URL, "needs a host, e.g. tcp://localhost:1883");
    require(mqttPort > 0 && mqttPort < 65536, MQTT_URL, "port must be 1..65535");
    require(kafkaBootstrap != null && !kafkaBootstrap.isBlank(), KAFKA_BOOTSTRAP, "must list host:port pairs");
    require(clientId != null && clientId.matches("[A-Za-z0-9._-]{1,64}"), CLIENT_ID,
        "must be 1-64 characters from [A-Za-z0-9._-]");
    require(group != null && group.matches("[A-Za-z0-9._-]{1,64}"), GROUP, "must be 1-64 characters from [A-Za-z0-9._-]");
    require(readingsTopic != null && readingsTopic.matches("[A-Za-z0-9._-]{1,249}"), TOPIC_READINGS, "is not a valid Kafka topic name");
    require(deadLetterTopic != null && deadLetterTopic.matches("[A-Za-z0-9._-]{1,249}"), TOPIC_READINGS_DLQ,
        "is not a valid Kafka topic name");
    require(!Objects.equals(readingsTopic, deadLetterTopic), TOPIC_READINGS_DLQ, "must differ from " + TOPIC_READINGS);
    require(maxInFlight >= 1 && maxInFlight <= 65535, MAX_IN_FLIGHT, "must be 1..65535 (MQTT receive maximum)");
    require(sessionExpiry != null && !sessionExpiry.isNegative() && sessionExpiry.getSeconds() <= MAX_SESSION_EXPIRY_S,
        SESSION_EXPIRY_S, "must be 0.." + MAX_SESSION_EXPIRY_S + " seconds");
    require(kafkaLinger != null && !kafkaLinger.isNegative(), KAFKA_LINGER_MS, "must be >= 0");
    require(kafkaCompression != null && COMPRESSIONS.contains(kafkaCompression), KAFKA_COMPRESSION,
        "must be one of " + COMPRESSIONS);
    require(kafkaDeliveryTimeout != null && kafkaDeliveryTimeout.toMillis() >= 1000, KAFKA_DELIVERY_TIMEOUT_MS,
        "must be >= 1000 ms");
    require(metricsLogInterval != null && !metricsLogInterval.isNegative(), METRICS_LOG_INTERVAL_S, "must be >= 0");
  }

  /** Loads and validates the configuration; every variable is optional (see the defaults above). */
  public static IngestConfig fromEnv(Map<String, String> env) {
    URI mqtt = mqttUri(env.getOrDefault(MQTT_URL, "tcp://localhost:1883"));
    String host = env.get("HOSTNAME");
    String defaultClientId = host != null && host.matches("[A-Za-z0-9._-]{1,46}")
        ? "voltstream-ingest-" + host : "voltstream-ingest-1";
    return new IngestConfig(
        mqtt.getHost(),
        mqtt.getPort() == -1 ? 1883 : mqtt.getPort(),
        blankToNull(env.get(MQTT_USERNAME)),
        blankToNull(env.get(MQTT_PASSWORD)),
        env.getOrDefault(KAFKA_BOOTSTRAP, "localhost:9092"),
        env.getOrDefault(CLIENT_ID, defaultClientId),
        env.getOrDefault(GROUP, "voltstream-ingest"),
        bool(env, SHARED_SUBSCRIPTION, true),
        env.getOrDefault(TOPIC_READINGS, Topics.READINGS),
        env.getOrDefault(TOPIC_READINGS_DLQ, Topics.READINGS_DLQ),
        (int) Math.max(-1, Math.min(Integer.MAX_VALUE, number(env, MAX_IN_FLIGHT, 1000))),
        Duration.ofSeconds(number(env, SESSION_EXPIRY_S, 604_800)),
        Duration.ofMillis(number(env, KAFKA_LINGER_MS, 5)),
        env.getOrDefault(KAFKA_COMPRESSION, "lz4").toLowerCase(Locale.ROOT),
        Duration.ofMillis(number(env, KAFKA_DELIVERY_TIMEOUT_MS, 120_000)),
        Duration.ofSeconds(number(env, METRICS_LOG_INTERVAL_S, 30)));
  }

  /** The subscription: {@code $share/<group>/sensors/+/readings}, or {@code sensors/+/readings} when not shared. */
  public String subscriptionFilter() {
    return sharedSubscription ? "$share/" + group + "/sensors/+/readings" : "sensors/+/readings";
  }

  /** Same settings with another client id: for tests and for running several instances in one JVM. */
  public IngestConfig withClientId(String newClientId) {
    return new IngestConfig(mqttHost, mqttPort, mqttUsername, mqttPassword, kafkaBootstrap, newClientId, group,
        sharedSubscription, readingsTopic, deadLetterTopic, maxInFlight, sessionExpiry, kafkaLinger, kafkaCompression,
        kafkaDeliveryTimeout, metricsLogInterval);
  }

  @Override
  public String toString() {
    return "IngestConfig[mqtt=" + mqttHost + ":" + mqttPort + ", user=" + mqttUsername + ", kafka=" + kafkaBootstrap
        + ", clientId=" + clientId + ", subscription=" + subscriptionFilter() + ", topics=" + readingsTopic + "/"
        + deadLetterTopic + ", maxInFlight=" + maxInFlight + ", sessionExpiry=" + sessionExpiry + "]";
  }

  private static URI mqttUri(String text) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      require(scheme.equals("tcp") || scheme.equals("mqtt"), MQTT_URL,
          "must look like tcp://host:1883 (got '" + text + "'; TLS is not supported yet)");
      require(uri.getHost() != null, MQTT_URL, "needs a host, e.g. tcp://localhost:1883 (got '" + text + "')");
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(MQTT_URL + " is not a URI like tcp://localhost:1883: '" + text + "'", e);
    }
  }

  private static long number(Map<String, String> env, String key, long defaultValue) {
    String text = env.get(key);
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + text + "'", e);
    }
  }

  private static boolean bool(Map<String, String> env, String key, boolean defaultValue) {
    String text = env.get(key);
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, got '" + text + "'");
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static void require(boolean condition, String key, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(key + " " + problem);
    }
  }
}
