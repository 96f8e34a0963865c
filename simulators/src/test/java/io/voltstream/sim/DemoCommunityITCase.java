package io.voltstream.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.infra.junit.MosquittoExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo community's extra buildings on a real Mosquitto: their aggregate and PV meters publish
 * contract-valid readings in their main rooms, and {@code home-east}'s battery answers a command on
 * {@code batteries/home-east-battery/commands} and then follows it in its state reports.
 */
class DemoCommunityITCase {
  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String BATTERY = "home-east-battery";

  private static SimulatorConfig config() {
    return SimulatorConfig.fromEnv(
        Map.of(
            "VOLTSTREAM_MQTT_URL", MQTT.serverUri(),
            "VOLTSTREAM_KAFKA_BOOTSTRAP", "none",
            "VOLTSTREAM_SIM_INTERVAL", "200ms",
            "VOLTSTREAM_SIM_BATTERY_STATE_INTERVAL", "200ms"));
  }

  private static Predicate<List<MqttTestSubscriber.Message>> has(
      String topic, Predicate<JsonNode> match) {
    return ms ->
        ms.stream().anyMatch(m -> m.topic().equals(topic) && match.test(json(m.payload())));
  }

  private static JsonNode json(String payload) {
    try {
      return io.voltstream.model.Json.MAPPER.readTree(payload);
    } catch (Exception e) {
      throw new AssertionError(payload, e);
    }
  }

  private static JsonNode first(List<MqttTestSubscriber.Message> ms, String topic) {
    return ms.stream()
        .filter(m -> m.topic().equals(topic))
        .map(ContractCheck::valid)
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing on " + topic));
  }

  @Test
  void shouldPublishTheAggregateAndPvMetersOfHomeEastAndOfficeWest() throws Exception {
    List<String> topics =
        List.of(
            "sensors/home-east-meter/readings",
            "sensors/home-east-pv/readings",
            "sensors/office-west-meter/readings",
            "sensors/office-west-pv/readings");
    try (MqttTestSubscriber sub =
            new MqttTestSubscriber(MQTT.host(), MQTT.port(), "sensors/+/readings");
        SimulatorApp.Running sim = SimulatorApp.start(config())) {
      List<MqttTestSubscriber.Message> got =
          sub.awaitUntil(
              ms -> topics.stream().allMatch(t -> ms.stream().anyMatch(m -> m.topic().equals(t))),
              TIMEOUT);
      JsonNode home = first(got, topics.get(0));
      assertThat(home.path("room").asText()).isEqualTo("home-east-main");
      assertThat(home.path("sensor_type").asText()).isEqualTo("energy");
      assertThat(home.path("energy").path("unit").asText()).isEqualTo("Wh");
      assertThat(home.path("power").path("value").asDouble()).isPositive();
      assertThat(home.has("co2")).isFalse();
      JsonNode office = first(got, topics.get(2));
      assertThat(office.path("room").asText()).isEqualTo("office-west-main");
      assertThat(office.path("power").path("unit").asText()).isEqualTo("kW");
      // at least the 0.5 kW base load, whatever the hour
      assertThat(office.path("power").path("value").asDouble()).isGreaterThan(0.5);
      JsonNode pv = first(got, topics.get(3));
      assertThat(pv.path("room").asText()).isEqualTo("office-west-main");
      assertThat(pv.path("sensor_type").asText()).isEqualTo("pv");
      assertThat(pv.path("generation").path("value").asDouble()).isGreaterThanOrEqualTo(0.0);
      assertThat(sim.failedPublishes()).isZero();
    }
  }

  @Test
  void shouldChargeHomeEastsBatteryOnCommand() throws Exception {
    String state = "batteries/" + BATTERY + "/state";
    String acks = "batteries/" + BATTERY + "/acks";
    try (MqttTestSubscriber sub = new MqttTestSubscriber(MQTT.host(), MQTT.port(), state, acks);
        SimulatorApp.Running sim = SimulatorApp.start(config())) {
      JsonNode idle =
          sub.awaitUntil(has(state, j -> true), TIMEOUT).stream()
              .map(m -> json(m.payload()))
              .findFirst()
              .orElseThrow();
      assertThat(idle.path("capacity_kwh").asDouble()).isEqualTo(10.0);
      assertThat(idle.path("max_charge_w").asDouble()).isEqualTo(5000.0);
      assertThat(idle.path("mode").asText()).isEqualTo("safe");
      sub.publish(
          "batteries/" + BATTERY + "/commands",
          "{\"command_id\":\"he-charge-1\",\"mode\":\"charge\",\"power_w\":3000,"
              + "\"valid_until\":\""
              + Instant.now().plusSeconds(60)
              + "\",\"source\":\"manual\"}");
      // the state and the acknowledgement are two messages on two topics, in either order
      List<MqttTestSubscriber.Message> got =
          sub.awaitUntil(
              has(
                      state,
                      j ->
                          j.path("command_id").asText().equals("he-charge-1")
                              && j.path("power_w").asDouble() == 3000.0)
                  .and(has(acks, j -> j.path("command_id").asText().equals("he-charge-1"))),
              TIMEOUT);
      JsonNode ack =
          got.stream()
              .filter(m -> m.topic().equals(acks))
              .map(m -> json(m.payload()))
              .findFirst()
              .orElseThrow();
      assertThat(ack.path("command_id").asText()).isEqualTo("he-charge-1");
      assertThat(ack.path("status").asText()).isEqualTo("applied");
      // … and a power beyond its 5 kW is refused naming the limit
      sub.publish(
          "batteries/" + BATTERY + "/commands",
          "{\"command_id\":\"he-charge-2\",\"mode\":\"charge\",\"power_w\":7000,"
              + "\"valid_until\":\""
              + Instant.now().plusSeconds(60)
              + "\",\"source\":\"manual\"}");
      got =
          sub.awaitUntil(
              has(acks, j -> j.path("command_id").asText().equals("he-charge-2")), TIMEOUT);
      JsonNode refused =
          got.stream()
              .filter(m -> m.topic().equals(acks))
              .map(m -> json(m.payload()))
              .filter(j -> j.path("command_id").asText().equals("he-charge-2"))
              .findFirst()
              .orElseThrow();
      assertThat(refused.path("status").asText()).isEqualTo("rejected");
      assertThat(refused.path("reason").asText()).contains("max_charge_w");
    }
  }
}
