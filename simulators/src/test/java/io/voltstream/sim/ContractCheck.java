package io.voltstream.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voltstream.model.SensorType;
import java.util.Map;
import java.util.Set;

/** Asserts that a published message follows the MQTT device contract (design §3). */
public final class ContractCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Set<String>> UNITS =
      Map.of(
          "energy", Set.of("Wh", "kWh"),
          "generation", Set.of("Wh", "kWh"),
          "power", Set.of("W", "kW"),
          "temperature", Set.of("C", "F", "K"),
          "co2", Set.of("ppm"),
          "humidity", Set.of("%"),
          "voltage", Set.of("V"));

  private ContractCheck() {}

  /** Parses and checks a message; returns its JSON. */
  public static JsonNode valid(MqttTestSubscriber.Message m) {
    JsonNode json;
    try {
      json = JSON.readTree(m.payload());
    } catch (Exception e) {
      throw new AssertionError("not JSON on " + m.topic() + ": " + m.payload(), e);
    }
    assertThat(m.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(64 * 1024);
    assertThat(json.isObject()).as(m.payload()).isTrue();
    String sensorId = json.path("sensor_id").asText();
    assertThat(m.topic()).isEqualTo("sensors/" + sensorId + "/readings");
    assertThat(json.path("timestamp").isIntegralNumber()).as(m.payload()).isTrue();
    assertThat(SensorType.fromWireName(json.path("sensor_type").asText()))
        .as(m.payload())
        .isPresent();
    int metrics = 0;
    for (Map.Entry<String, Set<String>> e : UNITS.entrySet()) {
      JsonNode metric = json.get(e.getKey());
      if (metric != null) {
        metrics++;
        assertThat(metric.path("value").isNumber()).as(m.payload()).isTrue();
        assertThat(Double.isFinite(metric.path("value").asDouble())).isTrue();
        assertThat(e.getValue()).as(m.payload()).contains(metric.path("unit").asText());
      }
    }
    assertThat(metrics).as("metrics in %s", m.payload()).isPositive();
    return json;
  }
}
