package io.voltstream.ingest.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.voltstream.config.CommonOptions;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestOptions;
import io.voltstream.model.Json;
import io.voltstream.model.Topics;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The command bridge on a real Kafka and a real mosquitto: valid commands reach the battery's MQTT
 * topic with the design §3 payload; an expired command and an undecodable record are counted and
 * skipped without stopping it; offsets are committed, so a restarted bridge does not publish again.
 */
class CommandBridgeITCase {
  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static Command command(String id, Instant issuedAt, Duration validFor) {
    return Command.battery(
        id,
        "bat-7",
        "b1",
        new BatterySetpoint(BatteryMode.DISCHARGE, 1500),
        issuedAt,
        validFor,
        CommandSource.DISPATCH,
        "peak_shaving");
  }

  private static void send(KafkaProducer<String, String> producer, String key, String value)
      throws Exception {
    producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), key, value)).get();
  }

  private static String json(Command c) {
    return new String(Topics.COMMANDS.encodeValue(c), StandardCharsets.UTF_8);
  }

  @Test
  void publishesValidCommandsSkipsExpiredAndMalformedOnesAndCommitsAfterThePuback()
      throws Exception {
    KAFKA.createStandardTopics(1);
    IngestConfig config =
        IngestConfig.fromEnv(
            Map.of(
                CommonOptions.MQTT_URL.name(),
                MQTT.serverUri(),
                CommonOptions.KAFKA_BOOTSTRAP.name(),
                KAFKA.bootstrapServers(),
                IngestOptions.CLIENT_ID.name(),
                "bridge-it"));
    Mqtt5BlockingClient battery =
        Mqtt5Client.builder()
            .identifier("bridge-it-battery")
            .serverHost(MQTT.host())
            .serverPort(MQTT.port())
            .buildBlocking();
    battery.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        battery.publishes(MqttGlobalPublishFilter.ALL)) {
      battery
          .subscribeWith()
          .topicFilter("batteries/bat-7/commands")
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      Instant now = Instant.now();
      try (KafkaProducer<String, String> producer = KAFKA.producer()) {
        send(producer, "bat-7", json(command("old", now.minusSeconds(600), Duration.ofMinutes(5))));
        send(producer, "bat-7", "{not a command");
        send(producer, "bat-7", json(command("fresh", now, Duration.ofMinutes(5))));
      }

      try (CommandBridge bridge = CommandBridge.start(config, Clock.systemUTC())) {
        Optional<Mqtt5Publish> received = publishes.receive(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(received).as("the fresh command on MQTT").isPresent();
        assertThat(received.get().getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        JsonNode payload = Json.MAPPER.readTree(received.get().getPayloadAsBytes());
        assertThat(payload.get("command_id").asText()).isEqualTo("fresh");
        assertThat(payload.get("mode").asText()).isEqualTo("discharge");
        assertThat(payload.get("power_w").asDouble()).isEqualTo(1500);
        assertThat(payload.get("source").asText()).isEqualTo("dispatch");
        assertThat(Instant.parse(payload.get("valid_until").asText()))
            .isEqualTo(now.plus(Duration.ofMinutes(5)));
        assertThat(Waits.until(() -> bridge.counts().published() == 1, TIMEOUT)).isTrue();
        assertThat(bridge.counts().expired()).isEqualTo(1);
        assertThat(bridge.counts().malformed()).isEqualTo(1);
      }

      // committed after the PUBACK: a new bridge of the same group publishes only what is new
      try (KafkaProducer<String, String> producer = KAFKA.producer()) {
        send(producer, "bat-7", json(command("second", Instant.now(), Duration.ofMinutes(5))));
      }
      try (CommandBridge bridge = CommandBridge.start(config, Clock.systemUTC())) {
        Optional<Mqtt5Publish> next = publishes.receive(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(next).isPresent();
        assertThat(Json.MAPPER.readTree(next.get().getPayloadAsBytes()).get("command_id").asText())
            .isEqualTo("second");
        assertThat(Waits.until(() -> bridge.counts().published() == 1, TIMEOUT)).isTrue();
        assertThat(bridge.counts().expired() + bridge.counts().malformed()).isZero();
      }
      assertThat(publishes.receive(1, TimeUnit.SECONDS)).as("nothing published twice").isEmpty();
    } finally {
      battery.disconnect();
    }
  }
}
