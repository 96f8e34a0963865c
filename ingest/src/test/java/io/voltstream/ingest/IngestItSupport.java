package io.voltstream.ingest;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.voltstream.config.CommonOptions;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Shared wiring for the ingest ITCases: configs pointing at the test servers, a QoS 1 publisher,
 * polling.
 */
final class IngestItSupport {
  private IngestItSupport() {}

  /**
   * The environment of an ingest instance bound to the given servers and per-test topics and group.
   */
  static Map<String, String> env(
      String mqttUri,
      String bootstrap,
      String clientId,
      String group,
      String readingsTopic,
      String deadLetterTopic) {
    Map<String, String> env = new HashMap<>();
    env.put(CommonOptions.MQTT_URL.name(), mqttUri);
    env.put(CommonOptions.KAFKA_BOOTSTRAP.name(), bootstrap);
    env.put(IngestOptions.CLIENT_ID.name(), clientId);
    env.put(IngestOptions.GROUP.name(), group);
    env.put(IngestOptions.TOPIC_READINGS.name(), readingsTopic);
    env.put(IngestOptions.TOPIC_READINGS_DLQ.name(), deadLetterTopic);
    env.put(IngestOptions.METRICS_LOG_INTERVAL.name(), "0");
    return env;
  }

  /** Per-test readings (2 partitions) and dead-letter topics, and an ingest env bound to them. */
  record FreshTopics(String readings, String deadLetters, Map<String, String> env) {}

  /** Creates fresh topics and the env of an ingest client {@code clientPrefix}-… on them. */
  static FreshTopics freshTopics(
      KafkaExtension kafka, MosquittoExtension mqtt, String clientPrefix) {
    String readings = kafka.uniqueName("readings");
    String deadLetters = kafka.uniqueName("readings.dlq");
    kafka.createTopic(readings, 2);
    kafka.createTopic(deadLetters, 1);
    Map<String, String> env =
        env(
            mqtt.serverUri(),
            kafka.bootstrapServers(),
            kafka.uniqueName(clientPrefix),
            kafka.uniqueName("group"),
            readings,
            deadLetters);
    return new FreshTopics(readings, deadLetters, env);
  }

  static Mqtt5BlockingClient publisher(String host, int port) {
    Mqtt5BlockingClient client =
        Mqtt5Client.builder()
            .identifier("test-publisher-" + UUID.randomUUID().toString().substring(0, 8))
            .serverHost(host)
            .serverPort(port)
            .buildBlocking();
    client.connect();
    return client;
  }

  static void publish(Mqtt5BlockingClient client, String topic, byte[] payload) {
    client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
  }

  /**
   * Publishes {@code count} one-reading messages (QoS 1, 500 sensors, timestamps {@code t0} + i ms)
   * with up to 1,000 unacknowledged at a time, and returns when the broker acknowledged all.
   */
  static void publishWindowed(String host, int port, int count, Instant t0) throws Exception {
    Mqtt5AsyncClient client =
        Mqtt5Client.builder()
            .identifier("test-bulk-" + UUID.randomUUID().toString().substring(0, 8))
            .serverHost(host)
            .serverPort(port)
            .buildAsync();
    client.connect().get(10, TimeUnit.SECONDS);
    Semaphore window = new Semaphore(1000);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int i = 0; i < count; i++) {
      String sensor = "bulk-" + (i % 500);
      String payload =
          "{\"sensor_id\":\""
              + sensor
              + "\",\"timestamp\":"
              + t0.plusMillis(i).toEpochMilli()
              + ",\"sensor_type\":\"energy\",\"power\":{\"value\":"
              + (i % 3000)
              + ",\"unit\":\"W\"}}";
      window.acquireUninterruptibly();
      client
          .publishWith()
          .topic("sensors/" + sensor + "/readings")
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload(payload.getBytes(StandardCharsets.UTF_8))
          .send()
          .whenComplete(
              (result, error) -> {
                if (error != null) {
                  failure.compareAndSet(null, error);
                }
                window.release();
              });
    }
    window.acquireUninterruptibly(1000);
    client.disconnect().get(10, TimeUnit.SECONDS);
    if (failure.get() != null) {
      throw new AssertionError("a bulk publish failed", failure.get());
    }
  }

  /** Records in every partition of {@code topic} (the sum of its end offsets). */
  static long recordCount(KafkaExtension kafka, String topic) throws Exception {
    try (Admin admin = kafka.adminClient()) {
      var partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      return admin.listOffsets(partitions).all().get().values().stream()
          .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
          .sum();
    }
  }

  /** Polls {@code condition} until it holds or {@code timeout} passes; returns whether it held. */
  static boolean eventually(BooleanSupplier condition, Duration timeout) {
    return Waits.until(condition, timeout);
  }
}
