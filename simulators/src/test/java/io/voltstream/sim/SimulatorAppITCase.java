package io.voltstream.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Topics;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.building.SimRoom;
import io.voltstream.sim.registry.RegistryRecord;
import io.voltstream.sim.scenario.DemoCommunity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo simulator against a real Mosquitto and a real (in-process KRaft) Kafka. */
class SimulatorAppITCase {
  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static SimulatorConfig demoConfig(String kafka) {
    return SimulatorConfig.fromEnv(
        Map.of(
            "VOLTSTREAM_MQTT_URL",
            MQTT.serverUri(),
            "VOLTSTREAM_KAFKA_BOOTSTRAP",
            kafka,
            "VOLTSTREAM_SIM_INTERVAL",
            "200ms",
            "VOLTSTREAM_SIM_ACCELERATION",
            "60"));
  }

  private static Set<String> rooms(List<MqttTestSubscriber.Message> messages) {
    return messages.stream()
        .map(m -> ContractCheck.valid(m).path("room").asText())
        .collect(Collectors.toSet());
  }

  private static Set<String> sensorIds(List<MqttTestSubscriber.Message> messages) {
    return messages.stream()
        .map(m -> ContractCheck.valid(m).path("sensor_id").asText())
        .collect(Collectors.toSet());
  }

  @Test
  void shouldPublishValidReadingsForEveryRoomOfTheDemoCommunity() throws Exception {
    Set<String> expectedRooms =
        DemoCommunity.members(DemoBuilding.layout(6, 1)).stream()
            .flatMap(m -> m.layout().rooms().stream())
            .map(SimRoom::name)
            .collect(Collectors.toSet());
    assertThat(expectedRooms).contains("kitchen", "roof", "home-east-main", "office-west-main");
    Instant started = Instant.now();
    try (MqttTestSubscriber sub = new MqttTestSubscriber(MQTT.host(), MQTT.port());
        SimulatorApp.Running sim = SimulatorApp.start(demoConfig("none"))) {
      // the demo devices' meters report from the layout's rooms and the registry-only garage
      Set<String> possibleRooms = new java.util.HashSet<>(expectedRooms);
      possibleRooms.add(io.voltstream.sim.scenario.DemoDevices.GARAGE);
      List<String> expectedSensors =
          List.of(
              "kitchen-meter",
              "roof-pv",
              "home-east-meter",
              "home-east-pv",
              "office-west-meter",
              "office-west-pv");
      List<MqttTestSubscriber.Message> got =
          sub.awaitUntil(
              ms ->
                  rooms(ms).containsAll(expectedRooms)
                      && sensorIds(ms).containsAll(expectedSensors),
              TIMEOUT);
      assertThat(rooms(got)).containsAll(expectedRooms).isSubsetOf(possibleRooms);
      for (MqttTestSubscriber.Message m : got) {
        JsonNode json = ContractCheck.valid(m);
        // Acceleration 60: simulated time runs ahead of the wall clock, but only by seconds × 60.
        Instant ts = Instant.ofEpochMilli(json.path("timestamp").asLong());
        assertThat(ts)
            .isAfter(started.minusSeconds(60))
            .isBefore(Instant.now().plus(Duration.ofMinutes(30)));
      }
      assertThat(sensorIds(got)).containsAll(expectedSensors);
      assertThat(sim.failedPublishes()).isZero();
    }
  }

  @Test
  void shouldRegisterTheBuildingRoomsAndSensorsIdempotently() throws Exception {
    List<RegistryRecord> declared;
    try (SimulatorApp.Running sim = SimulatorApp.start(demoConfig(KAFKA.bootstrapServers()))) {
      assertThat(sim.awaitRegistered(TIMEOUT)).isTrue();
      declared = sim.registryRecords();
    }
    try (SimulatorApp.Running again = SimulatorApp.start(demoConfig(KAFKA.bootstrapServers()))) {
      assertThat(again.awaitRegistered(TIMEOUT)).isTrue();
    }
    List<ConsumerRecord<String, String>> records =
        KAFKA.consume(Topics.REGISTRY.name(), 2 * declared.size(), TIMEOUT);
    assertThat(records).hasSize(2 * declared.size());

    Map<String, List<String>> valuesByKey = new LinkedHashMap<>();
    records.forEach(
        r -> valuesByKey.computeIfAbsent(r.key(), k -> new java.util.ArrayList<>()).add(r.value()));
    assertThat(valuesByKey.keySet())
        .containsExactlyElementsOf(declared.stream().map(r -> r.key().encode()).toList());
    valuesByKey.forEach(
        (key, values) -> assertThat(values).as(key).hasSize(2).allMatch(values.get(0)::equals));

    Map<String, Object> decoded = new HashMap<>();
    for (ConsumerRecord<String, String> r : records) {
      RegistryKey key = RegistryKey.decode(r.key()).orElseThrow();
      Class<?> type = key.kind().valueType();
      decoded.put(r.key(), Json.MAPPER.readValue(r.value(), type));
    }
    declared.forEach(d -> assertThat(decoded.get(d.key().encode())).isEqualTo(d.value()));
    assertThat(((Room) decoded.get("room:kitchen")).building()).isEqualTo("demo");
    assertThat(((Room) decoded.get("room:office-west-main")).building()).isEqualTo("office-west");
    assertThat(decoded.get("market:community")).isEqualTo(MarketSpec.defaults());
    assertThat(((Building) decoded.get("building:home-east")).market())
        .isEqualTo(new MarketMembership("community", true));
    assertThat(((BatterySpec) decoded.get("battery:home-east-battery")).building())
        .isEqualTo("home-east");
    assertThat(
            KAFKA
                .adminClient()
                .describeConfigs(
                    List.of(
                        new org.apache.kafka.common.config.ConfigResource(
                            org.apache.kafka.common.config.ConfigResource.Type.TOPIC,
                            Topics.REGISTRY.name())))
                .all()
                .get()
                .values()
                .iterator()
                .next()
                .get("cleanup.policy")
                .value())
        .isEqualTo("compact");
  }

  @Test
  void shouldQueueReadingsDuringABrokerOutageAndDeliverThemAfterTheRestart() throws Exception {
    try (SimulatorApp.Running sim = SimulatorApp.start(demoConfig("none"))) {
      try (MqttTestSubscriber before = new MqttTestSubscriber(MQTT.host(), MQTT.port())) {
        assertThat(before.awaitUntil(ms -> ms.size() >= 7, TIMEOUT)).hasSizeGreaterThanOrEqualTo(7);
      }
      MQTT.stop();
      assertThat(Waits.until(() -> !sim.isConnected(), TIMEOUT))
          .as("simulator noticed the outage")
          .isTrue();
      long generatedAtOutage = sim.publishedReadings();
      assertThat(Waits.until(() -> sim.publishedReadings() >= generatedAtOutage + 14, TIMEOUT))
          .as("keeps generating while the broker is down")
          .isTrue();
      long generatedDuringOutage = sim.publishedReadings();
      MQTT.start();
      assertThat(Waits.until(() -> sim.acknowledgedReadings() >= generatedDuringOutage, TIMEOUT))
          .as("readings queued during the outage are acknowledged after the restart")
          .isTrue();
      try (MqttTestSubscriber after = new MqttTestSubscriber(MQTT.host(), MQTT.port())) {
        assertThat(after.awaitUntil(ms -> ms.size() >= 7, TIMEOUT))
            .hasSizeGreaterThanOrEqualTo(7)
            .allSatisfy(ContractCheck::valid);
      }
      assertThat(sim.failedPublishes()).isZero();
    }
  }

  @Test
  void shouldConnectWhenTheBrokerComesUpAfterTheSimulator() throws Exception {
    MQTT.stop();
    try (SimulatorApp.Running sim = SimulatorApp.start(demoConfig("none"))) {
      assertThat(sim.isConnected()).isFalse();
      // Until the first connection the devices wait (their next reading then covers the longer
      // interval).
      assertThat(sim.acknowledgedReadings()).isZero();
      MQTT.start();
      try (MqttTestSubscriber sub = new MqttTestSubscriber(MQTT.host(), MQTT.port())) {
        assertThat(sub.awaitUntil(ms -> ms.size() >= 7, TIMEOUT))
            .hasSizeGreaterThanOrEqualTo(7)
            .allSatisfy(ContractCheck::valid);
      }
      assertThat(sim.isConnected()).isTrue();
      assertThat(sim.failedPublishes()).isZero();
    } finally {
      MQTT.start();
    }
  }
}
