package io.voltstream.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voltstream.infra.junit.MosquittoExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's simulated devices on a real Mosquitto: an instruction on {@code
 * devices/{id}/instructions} is acknowledged on {@code devices/{id}/acks} and changes the power the
 * device's meter reports on {@code sensors/{id}/readings}; one it cannot do is rejected with a
 * reason.
 */
class DemoDevicesITCase {
  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SimulatorConfig demoConfig() {
    return SimulatorConfig.fromEnv(
        Map.of(
            "VOLTSTREAM_MQTT_URL", MQTT.serverUri(),
            "VOLTSTREAM_KAFKA_BOOTSTRAP", "none",
            "VOLTSTREAM_SIM_INTERVAL", "200ms"));
  }

  private static JsonNode json(MqttTestSubscriber.Message m) {
    try {
      return JSON.readTree(m.payload());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Predicate<List<MqttTestSubscriber.Message>> has(
      String topic, Predicate<JsonNode> match) {
    return ms -> ms.stream().anyMatch(m -> m.topic().equals(topic) && match.test(json(m)));
  }

  private static String instruction(String id, String action, Double value) {
    return "{\"command_id\":\""
        + id
        + "\",\"action\":\""
        + action
        + "\""
        + (value == null ? "" : ",\"value\":" + value)
        + ",\"valid_until\":\""
        + Instant.now().plusSeconds(60)
        + "\",\"source\":\"manual\"}";
  }

  @Test
  void shouldAcknowledgeAnInstructionAndMeterTheNewPower() throws Exception {
    try (MqttTestSubscriber sub =
            new MqttTestSubscriber(
                MQTT.host(), MQTT.port(), "sensors/+/readings", "devices/+/acks");
        SimulatorApp.Running sim = SimulatorApp.start(demoConfig())) {
      String readings = "sensors/kitchen-plugs/readings";
      sub.awaitUntil(has(readings, j -> j.path("power").path("value").asDouble() > 50), TIMEOUT);
      JsonNode first =
          sub.received().stream()
              .filter(m -> m.topic().equals(readings))
              .map(m -> json(m))
              .findFirst()
              .orElseThrow();
      assertThat(first.path("sensor_type").asText()).isEqualTo("plug");
      assertThat(first.path("room").asText()).isEqualTo("kitchen");
      assertThat(first.path("power").path("unit").asText()).isEqualTo("W");
      assertThat(first.path("energy").path("unit").asText()).isEqualTo("kWh");

      sub.publish("devices/kitchen-plugs/instructions", instruction("cmd-off-1", "off", null));
      List<MqttTestSubscriber.Message> got =
          sub.awaitUntil(
              has(
                  "devices/kitchen-plugs/acks",
                  j -> j.path("command_id").asText().equals("cmd-off-1")),
              TIMEOUT);
      JsonNode ack =
          got.stream()
              .filter(m -> m.topic().equals("devices/kitchen-plugs/acks"))
              .map(m -> json(m))
              .findFirst()
              .orElseThrow();
      assertThat(ack.path("status").asText()).isEqualTo("applied");
      assertThat(Instant.parse(ack.path("timestamp").asText()))
          .isBefore(Instant.now().plusSeconds(1));
      int seen = sub.received().size();
      // readings after the one published with the ack cover only the "off" time: 0 W
      got =
          sub.awaitUntil(
              ms ->
                  ms.subList(seen, ms.size()).stream()
                          .filter(m -> m.topic().equals(readings))
                          .count()
                      >= 3,
              TIMEOUT);
      List<Double> after =
          got.subList(seen, got.size()).stream()
              .filter(m -> m.topic().equals(readings))
              .map(m -> json(m).path("power").path("value").asDouble())
              .toList();
      assertThat(after).hasSizeGreaterThanOrEqualTo(3).last().isEqualTo(0.0);

      sub.publish(
          "devices/office-ventilation/instructions", instruction("cmd-sp-1", "setpoint", 3.0));
      got =
          sub.awaitUntil(
              has(
                  "devices/office-ventilation/acks",
                  j -> j.path("command_id").asText().equals("cmd-sp-1")),
              TIMEOUT);
      JsonNode rejected =
          got.stream()
              .filter(m -> m.topic().equals("devices/office-ventilation/acks"))
              .map(m -> json(m))
              .findFirst()
              .orElseThrow();
      assertThat(rejected.path("status").asText()).isEqualTo("rejected");
      assertThat(rejected.path("reason").asText()).contains("no setpoint capability");
    }
  }

  /**
   * The fan is wired to the building: switched on, the office's CO2 (as its room meter reports it)
   * falls from above 1000 to below 800 ppm within 50 simulated minutes, which the room cannot do
   * without it (empty, with 0.5 air changes per hour, 1200 ppm only decays to about 930 ppm in 50
   * minutes).
   */
  @Test
  void shouldLowerTheOfficeCo2WhenItsFanIsSwitchedOn() throws Exception {
    SimulatorConfig config =
        SimulatorConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_MQTT_URL", MQTT.serverUri(),
                "VOLTSTREAM_KAFKA_BOOTSTRAP", "none",
                "VOLTSTREAM_SIM_INTERVAL", "200ms",
                "VOLTSTREAM_SIM_ACCELERATION", "300",
                // a Tuesday, 10:00 in Brussels: someone works in the office
                "VOLTSTREAM_SIM_START", "2026-03-10T09:00:00Z"));
    String office = "sensors/office-meter/readings";
    try (MqttTestSubscriber sub =
            new MqttTestSubscriber(
                MQTT.host(), MQTT.port(), "sensors/+/readings", "devices/+/acks");
        SimulatorApp.Running sim = SimulatorApp.start(config)) {
      sub.awaitUntil(has(office, j -> j.path("co2").path("value").asDouble() > 1000), TIMEOUT);
      assertThat(sub.received())
          .anyMatch(
              m -> m.topic().equals(office) && json(m).path("co2").path("value").asDouble() > 1000);
      sub.publish("devices/office-ventilation/instructions", instruction("cmd-fan-1", "on", null));
      sub.awaitUntil(
          has("devices/office-ventilation/acks", j -> j.path("status").asText().equals("applied")),
          TIMEOUT);
      int seen = sub.received().size();
      List<MqttTestSubscriber.Message> got =
          sub.awaitUntil(
              ms ->
                  ms.subList(seen, ms.size()).stream()
                      .anyMatch(
                          m ->
                              m.topic().equals(office)
                                  && json(m).path("co2").path("value").asDouble() < 800),
              TIMEOUT);
      List<JsonNode> after =
          got.subList(seen, got.size()).stream()
              .filter(m -> m.topic().equals(office))
              .map(m -> json(m))
              .toList();
      assertThat(after).isNotEmpty();
      JsonNode first = after.get(0);
      JsonNode below =
          after.stream()
              .filter(j -> j.path("co2").path("value").asDouble() < 800)
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "office CO2 after the fan: "
                              + after.stream().map(j -> j.path("co2").path("value")).toList()));
      assertThat(first.path("co2").path("value").asDouble()).isGreaterThan(900);
      long simMinutes =
          (below.path("timestamp").asLong() - first.path("timestamp").asLong()) / 60_000;
      assertThat(simMinutes).as("simulated minutes from fan on to below 800 ppm").isLessThan(50);
    }
  }
}
