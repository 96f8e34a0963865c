package io.voltstream.ingest;

import static io.voltstream.ingest.IngestItSupport.eventually;
import static io.voltstream.ingest.IngestItSupport.publish;
import static io.voltstream.ingest.IngestItSupport.publisher;
import static io.voltstream.ingest.mapping.ReadingTestData.metric;
import static io.voltstream.ingest.mapping.ReadingTestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.ingest.app.IngestApp;
import io.voltstream.ingest.mapping.DeadLetters;
import io.voltstream.model.DeadLetter;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MQTT → ingest → Kafka against a real Mosquitto and a real (in-process KRaft) Kafka broker. */
class MqttToKafkaITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Instant T0 =
      Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  private final List<IngestApp> apps = new ArrayList<>();
  private String readingsTopic;
  private String deadLetterTopic;
  private String group;
  private Mqtt5BlockingClient publisher;

  @BeforeEach
  void setUp() {
    readingsTopic = KAFKA.uniqueName("readings");
    deadLetterTopic = KAFKA.uniqueName("readings.dlq");
    group = KAFKA.uniqueName("ingest");
    KAFKA.createTopic(readingsTopic, 2);
    KAFKA.createTopic(deadLetterTopic, 1);
    publisher = publisher(MQTT.host(), MQTT.port());
  }

  @AfterEach
  void tearDown() {
    apps.forEach(IngestApp::close);
    if (publisher != null) {
      publisher.disconnect();
    }
    assertThat(apps).allSatisfy(app -> assertThat(app.metrics().messagesInFlight()).isZero());
  }

  private IngestApp startIngest(String clientId) {
    return startIngest(
        IngestItSupport.env(
            MQTT.serverUri(),
            KAFKA.bootstrapServers(),
            clientId,
            group,
            readingsTopic,
            deadLetterTopic));
  }

  private IngestApp startIngest(java.util.Map<String, String> env) {
    IngestApp app = IngestApp.start(IngestConfig.fromEnv(env));
    apps.add(app);
    assertThat(app.awaitSubscribed(TIMEOUT)).as("subscribed").isTrue();
    return app;
  }

  private static ObjectNode reading(String sensorId, Instant timestamp) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("sensor_id", sensorId);
    node.put("timestamp", timestamp.toEpochMilli());
    node.put("sensor_type", "multi");
    node.put("room", "kitchen");
    return node;
  }

  private static String topicOf(String sensorId) {
    return "sensors/" + sensorId + "/readings";
  }

  private static SensorReading readingOf(ConsumerRecord<String, String> record) {
    try {
      return Json.MAPPER.readValue(record.value(), SensorReading.class);
    } catch (java.io.IOException e) {
      throw new AssertionError("not a SensorReading: " + record.value(), e);
    }
  }

  private static DeadLetter deadLetterOf(ConsumerRecord<String, String> record) {
    try {
      return Json.MAPPER.readValue(record.value(), DeadLetter.class);
    } catch (java.io.IOException e) {
      throw new AssertionError("not a DeadLetter: " + record.value(), e);
    }
  }

  @Test
  void shouldProduceNormalisedReadingsKeyedBySensorId() {
    IngestApp ingest = startIngest(KAFKA.uniqueName("ingest-a"));
    ObjectNode kitchen = reading("kitchen-meter", T0);
    metric(kitchen, "energy", 125, "Wh");
    metric(kitchen, "power", 0.75, "kW");
    ObjectNode hall = reading("hall-climate", T0.plusSeconds(1));
    metric(hall, "temperature", 68, "F");
    metric(hall, "humidity", 40, "%");
    hall.put("timestamp", T0.plusSeconds(1).toString());

    publish(publisher, topicOf("kitchen-meter"), utf8(kitchen.toString()));
    publish(publisher, topicOf("hall-climate"), utf8(hall.toString()));

    List<ConsumerRecord<String, String>> records = KAFKA.consume(readingsTopic, 2, TIMEOUT);
    assertThat(records).hasSize(2);
    ConsumerRecord<String, String> kitchenRecord =
        records.stream().filter(r -> r.key().equals("kitchen-meter")).findFirst().orElseThrow();
    SensorReading kitchenReading = readingOf(kitchenRecord);
    assertThat(kitchenReading.timestamp()).isEqualTo(T0);
    assertThat(kitchenReading.energyKwh()).isEqualTo(0.125);
    assertThat(kitchenReading.powerW()).isEqualTo(750.0);
    assertThat(kitchenReading.sensorType()).isEqualTo(SensorType.MULTI);
    assertThat(kitchenReading.ingestedAt()).isAfter(T0);
    SensorReading hallReading =
        readingOf(
            records.stream().filter(r -> r.key().equals("hall-climate")).findFirst().orElseThrow());
    assertThat(hallReading.temperatureC())
        .isCloseTo(20.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(hallReading.timestamp()).isEqualTo(T0.plusSeconds(1));
    assertThat(eventually(() -> ingest.metrics().snapshot().messagesAcknowledged() == 2, TIMEOUT))
        .isTrue();
    assertThat(ingest.metrics().snapshot().readingsAccepted()).isEqualTo(2);
    assertThat(ingest.metrics().snapshot().dataPointsAccepted()).isEqualTo(4);
  }

  @Test
  void shouldDeadLetterMalformedPayloadsWithReasonAndRawPayload() {
    IngestApp ingest = startIngest(KAFKA.uniqueName("ingest-a"));
    ObjectNode badUnit = reading("s1", T0);
    metric(badUnit, "power", 3, "horsepower");
    byte[] notUtf8 = {'{', (byte) 0xFF, '}'};

    publish(publisher, topicOf("s1"), utf8("{\"sensor_id\": \"s1\", "));
    publish(publisher, topicOf("s1"), notUtf8);
    publish(
        publisher,
        topicOf("s1"),
        utf8(reading("s1", T0).put("x", 1).toString().replace("1}", "NaN}")));
    publish(publisher, topicOf("s1"), utf8(badUnit.toString()));
    publish(publisher, "sensors/other/readings", utf8(reading("s1", T0).toString()));

    List<ConsumerRecord<String, String>> records = KAFKA.consume(deadLetterTopic, 5, TIMEOUT);
    assertThat(records).hasSize(5);
    List<DeadLetter> deadLetters = records.stream().map(MqttToKafkaITCase::deadLetterOf).toList();
    assertThat(records)
        .extracting(ConsumerRecord::key)
        .containsExactly(
            topicOf("s1"), topicOf("s1"), topicOf("s1"), topicOf("s1"), "sensors/other/readings");
    assertThat(deadLetters)
        .extracting(d -> d.reason().substring(0, d.reason().indexOf(':')))
        .containsExactly(
            "malformed_json",
            "invalid_utf8",
            "malformed_json",
            "unknown_unit",
            "sensor_id_mismatch");
    assertThat(deadLetters.get(0).payload()).isEqualTo("{\"sensor_id\": \"s1\", ");
    assertThat(DeadLetters.payloadBytes(deadLetters.get(1))).isEqualTo(notUtf8);
    assertThat(deadLetters.get(1).payloadEncoding()).isEqualTo("base64");
    assertThat(deadLetters.get(3).field()).isEqualTo("power.unit");
    assertThat(deadLetters.get(3).payload()).isEqualTo(badUnit.toString());
    assertThat(deadLetters).allSatisfy(d -> assertThat(d.receivedAt()).isNotNull());
    assertThat(KAFKA.consume(readingsTopic, 1, Duration.ofMillis(500))).isEmpty();
    assertThat(eventually(() -> ingest.metrics().snapshot().rejected() == 5, TIMEOUT)).isTrue();
  }

  @Test
  void shouldKeepTheGoodReadingsOfABatchWithOneBadElement() {
    startIngest(KAFKA.uniqueName("ingest-a"));
    ObjectNode first = reading("pv-1", T0);
    metric(first, "generation", 10, "Wh");
    ObjectNode bad = reading("pv-1", T0.plusSeconds(60));
    metric(bad, "generation", -10, "Wh");
    ObjectNode third = reading("pv-1", T0.plusSeconds(120));
    metric(third, "generation", 20, "Wh");
    String batch = "[" + first + "," + bad + "," + third + "]";

    publish(publisher, topicOf("pv-1"), utf8(batch));

    List<SensorReading> readings =
        KAFKA.consume(readingsTopic, 2, TIMEOUT).stream()
            .map(MqttToKafkaITCase::readingOf)
            .toList();
    assertThat(readings)
        .extracting(SensorReading::timestamp)
        .containsExactly(T0, T0.plusSeconds(120));
    assertThat(readings).extracting(SensorReading::generationKwh).containsExactly(0.01, 0.02);
    List<DeadLetter> deadLetters =
        KAFKA.consume(deadLetterTopic, 1, TIMEOUT).stream()
            .map(MqttToKafkaITCase::deadLetterOf)
            .toList();
    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.batchIndex()).isEqualTo(1);
              assertThat(d.reason()).startsWith("out_of_range:");
              assertThat(d.payload()).isEqualTo(bad.toString());
            });
  }

  @Test
  void shouldSplitTheLoadBetweenInstancesOfTheSameGroup() {
    IngestApp a = startIngest(KAFKA.uniqueName("ingest-a"));
    IngestApp b = startIngest(KAFKA.uniqueName("ingest-b"));
    int count = 200;

    for (int i = 0; i < count; i++) {
      ObjectNode node = reading("plug-" + (i % 10), T0.plusMillis(i));
      metric(node, "power", i, "W");
      publish(publisher, topicOf("plug-" + (i % 10)), utf8(node.toString()));
    }

    List<ConsumerRecord<String, String>> records = KAFKA.consume(readingsTopic, count, TIMEOUT);
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(readingOf(r).readingId()));
    assertThat(ids).hasSize(count);
    assertThat(
            eventually(
                () ->
                    a.metrics().snapshot().messagesAcknowledged()
                            + b.metrics().snapshot().messagesAcknowledged()
                        == count,
                TIMEOUT))
        .isTrue();
    assertThat(a.metrics().snapshot().messagesReceived()).isPositive();
    assertThat(b.metrics().snapshot().messagesReceived()).isPositive();
  }

  @Test
  void shouldReceiveWhatWasPublishedWhileTheInstanceWasStopped() {
    String clientId = KAFKA.uniqueName("ingest-a");
    IngestApp first = startIngest(clientId);
    first.close();
    int count = 50;

    for (int i = 0; i < count; i++) {
      ObjectNode node = reading("meter-" + i, T0.plusMillis(i));
      metric(node, "energy", 1, "Wh");
      publish(publisher, topicOf("meter-" + i), utf8(node.toString()));
    }
    IngestApp second = IngestApp.start(first.config());
    apps.add(second);

    List<ConsumerRecord<String, String>> records = KAFKA.consume(readingsTopic, count, TIMEOUT);
    assertThat(records).hasSize(count);
    assertThat(
            eventually(() -> second.metrics().snapshot().messagesAcknowledged() == count, TIMEOUT))
        .isTrue();
  }

  /**
   * A backlog above 65,535 messages, spread over four sessions: mosquitto 2.0.11 numbers queued
   * messages with 16-bit packet ids at enqueue time, so one session holding all of it would get
   * reused ids, disconnect and redeliver in a loop (duplicating into Kafka); four sessions of the
   * shared group hold ~25,000 each and drain it exactly once, without a reconnect.
   */
  @Test
  void shouldDrainABacklogAbovePacketIdRangeOnceWithSeveralSessions() throws Exception {
    int sessions = 4;
    int count = 100_000;
    java.util.Map<String, String> env =
        IngestItSupport.env(
            MQTT.serverUri(),
            KAFKA.bootstrapServers(),
            KAFKA.uniqueName("ingest-backlog"),
            group,
            readingsTopic,
            deadLetterTopic);
    env.put(IngestOptions.MQTT_SESSIONS.name(), String.valueOf(sessions));
    // Slow on purpose (≤ 25 messages per 50 ms linger ≈ 500 messages/s per session), so a backlog
    // above 65,535 builds while connected, as in an overloaded benchmark step; with one session
    // this test fails (hundreds of "QoS 1 PUBLISH must not be resent" reconnects, duplicates).
    env.put(IngestOptions.MAX_IN_FLIGHT.name(), "25");
    env.put(IngestOptions.KAFKA_LINGER.name(), "50ms");
    IngestApp second = startIngest(env);
    IngestItSupport.publishWindowed(MQTT.host(), MQTT.port(), count, T0);
    long backlog = count - second.metrics().snapshot().messagesAcknowledged();
    assertThat(backlog).as("the scenario's backlog when publishing ended").isGreaterThan(65_535);

    assertThat(
            eventually(
                () -> second.metrics().snapshot().messagesAcknowledged() >= count,
                Duration.ofMinutes(3)))
        .as("all %d messages acknowledged: %s", count, second.metrics().snapshot().summary())
        .isTrue();
    IngestMetrics.Snapshot done = second.metrics().snapshot();
    assertThat(done.messagesReceived()).as("each message delivered once").isEqualTo(count);
    assertThat(done.subscriptions()).as("one connection per session").isEqualTo(sessions);
    assertThat(IngestItSupport.recordCount(KAFKA, readingsTopic)).isEqualTo(count);
  }

  @Test
  void shouldRedeliverAndStoreAMessageWhoseFirstKafkaWriteFailed() throws Exception {
    String tinyTopic = KAFKA.uniqueName("readings-tiny");
    try (var admin = KAFKA.adminClient()) {
      admin
          .createTopics(
              List.of(
                  new org.apache.kafka.clients.admin.NewTopic(tinyTopic, 1, (short) 1)
                      .configs(java.util.Map.of("max.message.bytes", "64"))))
          .all()
          .get();
    }
    var env =
        IngestItSupport.env(
            MQTT.serverUri(),
            KAFKA.bootstrapServers(),
            KAFKA.uniqueName("ingest-a"),
            group,
            tinyTopic,
            deadLetterTopic);
    env.put(IngestOptions.KAFKA_DELIVERY_TIMEOUT.name(), "2s");
    IngestApp ingest = startIngest(env);
    ObjectNode node = reading("big-meter", T0);
    metric(node, "power", 1, "W");

    publish(publisher, topicOf("big-meter"), utf8(node.toString()));

    assertThat(eventually(() -> ingest.metrics().snapshot().redeliveries() >= 1, TIMEOUT))
        .as("redelivery forced")
        .isTrue();
    assertThat(ingest.metrics().snapshot().kafkaFailures()).isPositive();
    assertThat(ingest.metrics().snapshot().messagesAcknowledged()).isZero();
    try (var admin = KAFKA.adminClient()) {
      var resource =
          new org.apache.kafka.common.config.ConfigResource(
              org.apache.kafka.common.config.ConfigResource.Type.TOPIC, tinyTopic);
      admin
          .incrementalAlterConfigs(
              java.util.Map.of(
                  resource,
                  List.of(
                      new org.apache.kafka.clients.admin.AlterConfigOp(
                          new org.apache.kafka.clients.admin.ConfigEntry(
                              "max.message.bytes", "1048576"),
                          org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET))))
          .all()
          .get();
    }

    List<ConsumerRecord<String, String>> records = KAFKA.consume(tinyTopic, 1, TIMEOUT);
    assertThat(records)
        .isNotEmpty()
        .allSatisfy(
            r -> assertThat(readingOf(r).readingId()).isEqualTo("big-meter@" + T0.toEpochMilli()));
    assertThat(eventually(() -> ingest.metrics().snapshot().messagesAcknowledged() == 1, TIMEOUT))
        .as("acked after redelivery")
        .isTrue();
  }

  @Test
  void shouldConnectWhenTheBrokerComesUpAndResumeAfterABrokerRestart() {
    publisher.disconnect();
    publisher = null;
    MQTT.stop();
    IngestApp ingest =
        IngestApp.start(
            IngestConfig.fromEnv(
                IngestItSupport.env(
                    MQTT.serverUri(),
                    KAFKA.bootstrapServers(),
                    KAFKA.uniqueName("ingest-a"),
                    group,
                    readingsTopic,
                    deadLetterTopic)));
    apps.add(ingest);
    assertThat(ingest.awaitSubscribed(Duration.ofMillis(500))).as("no broker yet").isFalse();

    MQTT.start();
    assertThat(ingest.awaitSubscribed(TIMEOUT)).as("subscribed once the broker is up").isTrue();
    publishOne("before-restart", T0);
    assertThat(KAFKA.consume(readingsTopic, 1, TIMEOUT)).hasSize(1);

    MQTT.stop();
    MQTT.start();
    assertThat(eventually(() -> ingest.metrics().snapshot().subscriptions() >= 2, TIMEOUT))
        .as("resubscribed")
        .isTrue();
    publishOne("after-restart", T0.plusSeconds(1));

    assertThat(KAFKA.consume(readingsTopic, 2, TIMEOUT))
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("before-restart", "after-restart");
  }

  /**
   * A reading published while ingest is stopped AND the broker restarted in between, with a plain
   * (not shared) subscription. Mosquitto 2.0.11 loses it with a shared subscription (checked by
   * hand, see README), which is why {@code VOLTSTREAM_INGEST_SHARED_SUBSCRIPTION=false} exists.
   */
  @Test
  void shouldReceiveWhatWasPublishedWhileStoppedAcrossABrokerRestartWithAPlainSubscription() {
    var env =
        IngestItSupport.env(
            MQTT.serverUri(),
            KAFKA.bootstrapServers(),
            KAFKA.uniqueName("ingest-a"),
            group,
            readingsTopic,
            deadLetterTopic);
    env.put(IngestOptions.SHARED_SUBSCRIPTION.name(), "false");
    IngestApp first = startIngest(env);
    first.close();
    publisher.disconnect();
    publisher = null;
    MQTT.stop();
    MQTT.start();

    publishOne("published-while-away", T0);
    IngestApp second = IngestApp.start(first.config());
    apps.add(second);

    assertThat(second.awaitSubscribed(TIMEOUT)).isTrue();
    assertThat(KAFKA.consume(readingsTopic, 1, Duration.ofSeconds(20)))
        .extracting(ConsumerRecord::key)
        .containsExactly("published-while-away");
  }

  private void publishOne(String sensorId, Instant timestamp) {
    Mqtt5BlockingClient client = publisher(MQTT.host(), MQTT.port());
    try {
      ObjectNode node = reading(sensorId, timestamp);
      metric(node, "power", 1, "W");
      publish(client, topicOf(sensorId), utf8(node.toString()));
    } finally {
      client.disconnect();
    }
  }
}
