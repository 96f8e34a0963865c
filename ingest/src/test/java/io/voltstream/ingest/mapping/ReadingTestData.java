package io.voltstream.ingest.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/** Named instants and payload factories shared by the mapping tests. */
public final class ReadingTestData {
  public static final Instant RECEIVED_AT = Instant.parse("2025-11-27T00:00:05Z");
  public static final Instant MEASURED_AT = Instant.parse("2025-11-27T00:00:00Z");
  public static final String SENSOR_ID = "kitchen-meter";
  public static final String TOPIC = "sensors/" + SENSOR_ID + "/readings";

  private ReadingTestData() {}

  /** The multi-metric example of design §3, timestamped {@link #MEASURED_AT}. */
  public static ObjectNode validReading() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("sensor_id", SENSOR_ID);
    node.put("timestamp", MEASURED_AT.toEpochMilli());
    node.put("room", "kitchen");
    node.put("sensor_type", "multi");
    metric(node, "energy", 0.125, "kWh");
    metric(node, "power", 750, "W");
    metric(node, "co2", 640, "ppm");
    metric(node, "temperature", 21.4, "C");
    metric(node, "humidity", 41.0, "%");
    metric(node, "voltage", 230.1, "V");
    metric(node, "generation", 0.05, "kWh");
    return node;
  }

  /** A reading with only sensor_id, timestamp, sensor_type and one power metric. */
  public static ObjectNode minimalReading() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("sensor_id", SENSOR_ID);
    node.put("timestamp", MEASURED_AT.toEpochMilli());
    node.put("sensor_type", "power");
    metric(node, "power", 100, "W");
    return node;
  }

  public static ObjectNode validReading(Consumer<ObjectNode> change) {
    ObjectNode node = validReading();
    change.accept(node);
    return node;
  }

  public static void metric(ObjectNode node, String field, double value, String unit) {
    node.putObject(field).put("value", value).put("unit", unit);
  }

  public static ArrayNode batch(ObjectNode... readings) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (ObjectNode reading : readings) {
      array.add(reading);
    }
    return array;
  }

  public static byte[] bytes(Object json) {
    try {
      return Json.MAPPER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
