package io.voltstream.sim.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingPayloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.ofEpochMilli(1764201600123L);
  private static final SensorReading KITCHEN =
      new SensorReading(
          "kitchen-meter",
          AT,
          "kitchen",
          SensorType.MULTI,
          0.125,
          750.0,
          640.0,
          21.4,
          41.0,
          230.1,
          null,
          null);

  private static JsonNode encode(SensorReading r, UnitStyle units) throws Exception {
    return JSON.readTree(ReadingPayload.encode(r, units));
  }

  @Test
  void shouldWriteTheDeviceContractFields() throws Exception {
    JsonNode json = encode(KITCHEN, UnitStyle.METRIC_KWH);
    assertThat(json.get("sensor_id").asText()).isEqualTo("kitchen-meter");
    assertThat(json.get("timestamp").isIntegralNumber()).isTrue();
    assertThat(json.get("timestamp").asLong()).isEqualTo(1764201600123L);
    assertThat(json.get("room").asText()).isEqualTo("kitchen");
    assertThat(json.get("sensor_type").asText()).isEqualTo("multi");
    assertThat(json.get("energy").get("value").asDouble()).isEqualTo(0.125);
    assertThat(json.get("energy").get("unit").asText()).isEqualTo("kWh");
    assertThat(json.get("power").get("value").asDouble()).isEqualTo(750.0);
    assertThat(json.get("power").get("unit").asText()).isEqualTo("W");
    assertThat(json.get("co2").get("unit").asText()).isEqualTo("ppm");
    assertThat(json.get("temperature").get("unit").asText()).isEqualTo("C");
    assertThat(json.get("humidity").get("unit").asText()).isEqualTo("%");
    assertThat(json.get("voltage").get("value").asDouble()).isEqualTo(230.1);
    assertThat(json.get("voltage").get("unit").asText()).isEqualTo("V");
  }

  @Test
  void shouldOmitMetricsTheDeviceDidNotMeasure() throws Exception {
    JsonNode json = encode(KITCHEN, UnitStyle.METRIC_KWH);
    assertThat(json.has("generation")).isFalse();
    List<String> names = iterable(json);
    assertThat(names)
        .containsExactly(
            "sensor_id",
            "timestamp",
            "room",
            "sensor_type",
            "energy",
            "power",
            "co2",
            "temperature",
            "humidity",
            "voltage");
  }

  @Test
  void shouldExpressValuesInTheDevicesUnits() throws Exception {
    JsonNode wh = encode(KITCHEN, UnitStyle.METRIC_WH);
    assertThat(wh.get("energy").get("value").asDouble()).isCloseTo(125.0, within(1e-9));
    assertThat(wh.get("energy").get("unit").asText()).isEqualTo("Wh");
    JsonNode kw = encode(KITCHEN, UnitStyle.KILOWATT);
    assertThat(kw.get("power").get("value").asDouble()).isCloseTo(0.75, within(1e-12));
    assertThat(kw.get("power").get("unit").asText()).isEqualTo("kW");
    JsonNode f = encode(KITCHEN, UnitStyle.FAHRENHEIT);
    assertThat(f.get("temperature").get("value").asDouble()).isCloseTo(70.52, within(1e-9));
    assertThat(f.get("temperature").get("unit").asText()).isEqualTo("F");
  }

  @Test
  void shouldWritePvGenerationInTheEnergyUnit() throws Exception {
    SensorReading pv =
        new SensorReading(
            "roof-pv", AT, "roof", SensorType.PV, null, null, null, null, null, 231.0, 0.05, null);
    JsonNode json = encode(pv, UnitStyle.METRIC_WH);
    assertThat(json.get("sensor_type").asText()).isEqualTo("pv");
    assertThat(json.get("generation").get("value").asDouble()).isCloseTo(50.0, within(1e-9));
    assertThat(json.get("generation").get("unit").asText()).isEqualTo("Wh");
    assertThat(json.has("energy")).isFalse();
  }

  @Test
  void shouldStayFarBelowTheContractsSizeLimit() {
    assertThat(ReadingPayload.encode(KITCHEN, UnitStyle.FAHRENHEIT).length).isLessThan(64 * 1024);
  }

  private static List<String> iterable(JsonNode json) {
    List<String> names = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
