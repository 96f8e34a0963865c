package io.voltstream.infra;

import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Readings numbered 0…n−1 for durability tests that count by reading id: reading {@code i} belongs
 * to sensor {@code <prefix>-(i % sensors)}, happens at {@code t0 + i ms} and measures {@code i} W,
 * so every reading has its own id and its own value.
 *
 * <pre>{@code
 * NumberedReadings readings = new NumberedReadings("crash", 30, Instant.parse("2026-11-30T12:00:00Z"));
 * publish(readings.topic(i), readings.payload(i));
 * Map<String, Integer> copies = NumberedReadings.copiesById(bootstrap, "readings", Duration.ofSeconds(20));
 * boolean there = copies.containsKey(readings.readingId(i));
 * }</pre>
 */
public record NumberedReadings(String sensorPrefix, int sensors, Instant t0) {

  public String sensorId(int i) {
    return sensorPrefix + "-" + (i % sensors);
  }

  /** {@link SensorReading#readingId()} of reading {@code i}. */
  public String readingId(int i) {
    return sensorId(i) + "@" + t0.plusMillis(i).toEpochMilli();
  }

  /** The MQTT topic its sensor publishes to. */
  public String topic(int i) {
    return "sensors/" + sensorId(i) + "/readings";
  }

  /** The device JSON of reading {@code i} (design §3). */
  public String payload(int i) {
    return "{\"sensor_id\":\""
        + sensorId(i)
        + "\",\"timestamp\":"
        + t0.plusMillis(i).toEpochMilli()
        + ",\"sensor_type\":\"power\",\"power\":{\"value\":"
        + i
        + ",\"unit\":\"W\"}}";
  }

  /** Reading id → number of records with it in {@code topic}, read to its current end. */
  public static Map<String, Integer> copiesById(
      String bootstrapServers, String topic, Duration timeout) {
    Map<String, Integer> copies = new HashMap<>();
    for (ConsumerRecord<String, String> record :
        TopicReader.readToEnd(bootstrapServers, topic, timeout)) {
      copies.merge(parse(record.value()).readingId(), 1, Integer::sum);
    }
    return copies;
  }

  private static SensorReading parse(String json) {
    try {
      return Json.MAPPER.readValue(json, SensorReading.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a SensorReading: " + json, e);
    }
  }
}
