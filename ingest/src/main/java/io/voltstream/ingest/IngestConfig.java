package io.voltstream.ingest;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.ConfigReader;
import io.voltstream.config.Option;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Everything an ingest instance needs, loaded once from the {@code VOLTSTREAM_*} variables declared
 * in {@link IngestOptions} by {@link #fromEnv(Map)} and validated there, so a bad setting fails at
 * start with a message that names the variable.
 *
 * @param mqttHost broker host, from {@code VOLTSTREAM_MQTT_URL} (default {@code
 *     tcp://localhost:1883})
 * @param mqttPort broker port, from the same URL (default 1883)
 * @param mqttUsername optional {@code VOLTSTREAM_MQTT_USERNAME}; null for anonymous
 * @param mqttPassword optional {@code VOLTSTREAM_MQTT_PASSWORD}
 * @param kafkaBootstrap {@code VOLTSTREAM_KAFKA_BOOTSTRAP} (default {@code localhost:9092})
 * @param clientId MQTT client id, the key of the persistent session: {@code
 *     VOLTSTREAM_INGEST_CLIENT_ID} (default {@code voltstream-ingest-<HOSTNAME>}, or {@code
 *     voltstream-ingest-1} without HOSTNAME); must be stable across restarts and distinct per
 *     instance
 * @param group shared-subscription group, {@code VOLTSTREAM_INGEST_GROUP} (default {@code
 *     voltstream-ingest}): instances of one group split the readings between them
 * @param sharedSubscription {@code VOLTSTREAM_INGEST_SHARED_SUBSCRIPTION} (default true): subscribe
 *     to {@code $share/<group>/sensors/+/readings}; false subscribes to {@code sensors/+/readings}
 *     directly (one instance only; see the README on broker restarts)
 * @param readingsTopic {@code VOLTSTREAM_TOPIC_READINGS} (default {@code readings})
 * @param deadLetterTopic {@code VOLTSTREAM_TOPIC_READINGS_DLQ} (default {@code readings.dlq})
 * @param commandBridge {@code VOLTSTREAM_INGEST_COMMAND_BRIDGE} (default true): run the command
 *     bridge (Kafka {@code commands} → MQTT command topics) in this process
 * @param commandBridgeGroup the bridge's Kafka consumer group, {@code
 *     VOLTSTREAM_INGEST_COMMAND_BRIDGE_GROUP} (default {@code voltstream-command-bridge})
 * @param maxInFlight MQTT receive maximum, messages delivered but not yet acknowledged: {@code
 *     VOLTSTREAM_INGEST_MAX_IN_FLIGHT} (default 1000, 1..65535); this is the backpressure bound
 * @param mqttSessions MQTT sessions this instance opens in the shared-subscription group, {@code
 *     VOLTSTREAM_INGEST_MQTT_SESSIONS} (default 1, 1..16; more than one needs the shared
 *     subscription): the broker splits the readings between them, so each session holds 1/N of a
 *     backlog (see {@link #sessionClientIds()} and the README on mosquitto's 65,535 limit)
 * @param sessionExpiry how long the broker keeps the session (and queues readings) while the
 *     instance is away: {@code VOLTSTREAM_INGEST_SESSION_EXPIRY} (default 7d)
 * @param kafkaLinger {@code VOLTSTREAM_INGEST_KAFKA_LINGER} (default 5ms)
 * @param kafkaCompression {@code VOLTSTREAM_INGEST_KAFKA_COMPRESSION}: none, gzip, snappy, lz4 or
 *     zstd (default lz4)
 * @param kafkaDeliveryTimeout how long the producer retries one record before the message is given
 *     back to the broker for redelivery: {@code VOLTSTREAM_INGEST_KAFKA_DELIVERY_TIMEOUT} (default
 *     2m)
 * @param metricsLogInterval {@code VOLTSTREAM_INGEST_METRICS_LOG_INTERVAL} (default 30s; 0 = never)
 * @see IngestOptions every variable with its type, default and meaning
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
    boolean commandBridge,
    String commandBridgeGroup,
    int maxInFlight,
    int mqttSessions,
    Duration sessionExpiry,
    Duration kafkaLinger,
    String kafkaCompression,
    Duration kafkaDeliveryTimeout,
    Duration metricsLogInterval) {

  private static final String READINGS_FILTER = "sensors/+/readings";
  private static final List<String> DEVICE_FILTERS =
      List.of(READINGS_FILTER, "batteries/+/state", "batteries/+/acks", "devices/+/acks");

  public IngestConfig {
    require(
        mqttHost != null && !mqttHost.isBlank(),
        CommonOptions.MQTT_URL,
        "needs a host, e.g. tcp://localhost:1883");
    require(mqttPort > 0 && mqttPort < 65536, CommonOptions.MQTT_URL, "port must be 1..65535");
    require(
        kafkaBootstrap != null && !kafkaBootstrap.isBlank(),
        CommonOptions.KAFKA_BOOTSTRAP,
        "must list host:port pairs");
    ConfigReader.requireValid(IngestOptions.CLIENT_ID, clientId);
    ConfigReader.requireValid(IngestOptions.GROUP, group);
    ConfigReader.requireValid(IngestOptions.TOPIC_READINGS, readingsTopic);
    ConfigReader.requireValid(IngestOptions.TOPIC_READINGS_DLQ, deadLetterTopic);
    require(
        !Objects.equals(readingsTopic, deadLetterTopic),
        IngestOptions.TOPIC_READINGS_DLQ,
        "must differ from " + IngestOptions.TOPIC_READINGS.name());
    ConfigReader.requireValid(IngestOptions.COMMAND_BRIDGE_GROUP, commandBridgeGroup);
    require(
        maxInFlight >= 1 && maxInFlight <= 65535,
        IngestOptions.MAX_IN_FLIGHT,
        "must be 1..65535 (MQTT receive maximum)");
    require(mqttSessions >= 1 && mqttSessions <= 16, IngestOptions.MQTT_SESSIONS, "must be 1..16");
    require(
        mqttSessions == 1 || sharedSubscription,
        IngestOptions.MQTT_SESSIONS,
        "above 1 needs "
            + IngestOptions.SHARED_SUBSCRIPTION.name()
            + "=true (every plain session would get every reading)");
    require(
        sessionExpiry != null
            && !sessionExpiry.isNegative()
            && sessionExpiry.getSeconds() <= IngestOptions.MAX_SESSION_EXPIRY_S,
        IngestOptions.SESSION_EXPIRY,
        "must be 0.." + IngestOptions.MAX_SESSION_EXPIRY_S + " seconds");
    require(
        kafkaLinger != null && !kafkaLinger.isNegative(),
        IngestOptions.KAFKA_LINGER,
        "must be >= 0");
    ConfigReader.requireValid(IngestOptions.KAFKA_COMPRESSION, kafkaCompression);
    require(
        kafkaDeliveryTimeout != null && kafkaDeliveryTimeout.toMillis() >= 1000,
        IngestOptions.KAFKA_DELIVERY_TIMEOUT,
        "must be >= 1s");
    require(
        metricsLogInterval != null && !metricsLogInterval.isNegative(),
        IngestOptions.METRICS_LOG_INTERVAL,
        "must be >= 0");
  }

  /**
   * Loads and validates the configuration; every variable is optional (see {@link IngestOptions}).
   */
  public static IngestConfig fromEnv(Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    URI mqtt = mqttUri(r);
    String host = env.get("HOSTNAME");
    String defaultClientId =
        host != null && host.matches("[A-Za-z0-9._-]{1,46}")
            ? "voltstream-ingest-" + host
            : "voltstream-ingest-1";
    return new IngestConfig(
        mqtt.getHost(),
        mqtt.getPort() == -1 ? 1883 : mqtt.getPort(),
        r.find(CommonOptions.MQTT_USERNAME).orElse(null),
        r.find(CommonOptions.MQTT_PASSWORD).orElse(null),
        r.get(CommonOptions.KAFKA_BOOTSTRAP),
        r.find(IngestOptions.CLIENT_ID).orElse(defaultClientId),
        r.get(IngestOptions.GROUP),
        r.get(IngestOptions.SHARED_SUBSCRIPTION),
        r.get(IngestOptions.TOPIC_READINGS),
        r.get(IngestOptions.TOPIC_READINGS_DLQ),
        r.get(IngestOptions.COMMAND_BRIDGE),
        r.get(IngestOptions.COMMAND_BRIDGE_GROUP),
        r.get(IngestOptions.MAX_IN_FLIGHT),
        r.get(IngestOptions.MQTT_SESSIONS),
        r.get(IngestOptions.SESSION_EXPIRY),
        r.get(IngestOptions.KAFKA_LINGER),
        r.get(IngestOptions.KAFKA_COMPRESSION),
        r.get(IngestOptions.KAFKA_DELIVERY_TIMEOUT),
        r.get(IngestOptions.METRICS_LOG_INTERVAL));
  }

  /**
   * The readings subscription: {@code $share/<group>/sensors/+/readings}, or {@code
   * sensors/+/readings} when not shared.
   */
  public String subscriptionFilter() {
    return filter(READINGS_FILTER);
  }

  /**
   * Every subscription: readings, battery states and command acknowledgements (design §3), each
   * shared in the group like readings.
   */
  public List<String> subscriptionFilters() {
    return DEVICE_FILTERS.stream().map(this::filter).toList();
  }

  private String filter(String topicFilter) {
    return sharedSubscription ? "$share/" + group + "/" + topicFilter : topicFilter;
  }

  /**
   * The client id of each MQTT session, the first being {@link #clientId()} itself so that a
   * single-session instance keeps its session: {@code [id, id-s2, …, id-sN]}. Like the client id,
   * the list must be stable across restarts: a session left out later keeps its backlog at the
   * broker until it expires.
   */
  public List<String> sessionClientIds() {
    return IntStream.rangeClosed(1, mqttSessions)
        .mapToObj(n -> n == 1 ? clientId : clientId + "-s" + n)
        .toList();
  }

  /**
   * Same settings with another client id: for tests and for running several instances in one JVM.
   */
  public IngestConfig withClientId(String newClientId) {
    return new IngestConfig(
        mqttHost,
        mqttPort,
        mqttUsername,
        mqttPassword,
        kafkaBootstrap,
        newClientId,
        group,
        sharedSubscription,
        readingsTopic,
        deadLetterTopic,
        commandBridge,
        commandBridgeGroup,
        maxInFlight,
        mqttSessions,
        sessionExpiry,
        kafkaLinger,
        kafkaCompression,
        kafkaDeliveryTimeout,
        metricsLogInterval);
  }

  @Override
  public String toString() {
    return "IngestConfig[mqtt="
        + mqttHost
        + ":"
        + mqttPort
        + ", user="
        + mqttUsername
        + ", kafka="
        + kafkaBootstrap
        + ", clientId="
        + clientId
        + ", subscriptions="
        + subscriptionFilters()
        + ", topics="
        + readingsTopic
        + "/"
        + deadLetterTopic
        + ", maxInFlight="
        + maxInFlight
        + ", sessions="
        + mqttSessions
        + ", sessionExpiry="
        + sessionExpiry
        + "]";
  }

  /** The broker URL: ingest speaks plain MQTT only, so TLS schemes are refused here. */
  private static URI mqttUri(ConfigReader r) {
    URI uri = r.get(CommonOptions.MQTT_URL);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("tcp") && !scheme.equals("mqtt")) {
      throw ConfigReader.invalid(
          CommonOptions.MQTT_URL.name(),
          uri.toString(),
          "a broker URL such as tcp://localhost:1883 (TLS is not supported yet)");
    }
    return uri;
  }

  private static void require(boolean condition, Option<?> option, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(option.name() + " " + problem);
    }
  }
}
