package io.voltstream.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.Json;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns Kafka record values (JSON of {@link SensorReading}, {@link RoomMetrics}, {@link SystemEvent},
 * forecast batches) into {@link LiveMessage}s: the record's fields plus a {@code type}, serialised once. A reading's
 * room is the registry's assignment when the sensor is registered (as in the jobs), else the room the
 * device claimed. Unreadable values give empty, never an exception.
 */
public final class LiveMessages {

  private final Function<String, Optional<String>> roomOfSensor;

  public LiveMessages(Function<String, Optional<String>> roomOfSensor) {
    this.roomOfSensor = roomOfSensor;
  }

  /** Maps a value of {@code topic}; empty for unknown topics and unreadable values. */
  public Optional<LiveMessage> fromKafka(String topic, byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      // Each topic's own codec decodes its values (JSON codecs ignore the key).
      if (topic.equals(Topics.READINGS.name())) {
        return Optional.of(reading(Topics.READINGS.decodeValue(null, value)));
      } else if (topic.equals(Topics.ROOM_METRICS.name())) {
        return Optional.of(roomMetrics(Topics.ROOM_METRICS.decodeValue(null, value)));
      } else if (topic.equals(Topics.EVENTS.name())) {
        return Optional.of(event(Topics.EVENTS.decodeValue(null, value)));
      } else if (topic.equals(Topics.FORECASTS.name())) {
        return Optional.of(forecast(Topics.FORECASTS.decodeValue(null, value)));
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public LiveMessage reading(SensorReading reading) {
    String room = roomOfSensor.apply(reading.sensorId()).orElse(reading.room());
    SensorReading r = room == null || room.equals(reading.room()) ? reading : reading.withRoom(room);
    return new LiveMessage(LiveStreams.READINGS, "reading:" + r.sensorId(), r.room(), r.sensorId(), typed("reading", r));
  }

  public LiveMessage roomMetrics(RoomMetrics m) {
    if (m.room() == null) {
      throw new IllegalArgumentException("room metrics without room");
    }
    return new LiveMessage(LiveStreams.ROOM_METRICS, "room_metrics:" + m.room(), m.room(), null, typed("room_metrics", m));
  }

  public LiveMessage event(SystemEvent e) {
    String key = "event:" + (e.eventId() != null ? e.eventId() : e.kind() + "@" + e.timestamp());
    return new LiveMessage(LiveStreams.EVENTS, key, e.room(), e.sensorId(), typed("event", e));
  }

  /**
   * A forecast batch as the forecast service publishes it ({@code building}, {@code target}, {@code
   * model_id}, {@code fallback}, {@code fallback_reason}, {@code issued_at}, {@code origin}, {@code
   * values[{hour, value_kwh}]}), passed through as a tree so fields it adds reach clients unchanged.
   * The newest batch per building and target wins; it has no room, so room filters never match it;
   * it carries its building, so tokens scoped to that building get it.
   */
  public LiveMessage forecast(JsonNode batch) {
    if (batch == null || !batch.isObject() || !batch.path("building").isTextual() || !batch.path("target").isTextual()
        || !batch.path("values").isArray()) {
      throw new IllegalArgumentException("forecast without building, target or values");
    }
    String key = "forecast:" + batch.get("building").asText() + ":" + batch.get("target").asText();
    ObjectNode n = Json.MAPPER.createObjectNode().put("type", "forecast");
    n.setAll((ObjectNode) batch);
    return new LiveMessage(LiveStreams.FORECAST, key, null, null, n.toString(), batch.get("building").asText());
  }

  private static String typed(String type, Object record) {
    ObjectNode n = Json.MAPPER.createObjectNode().put("type", type);
    n.setAll((ObjectNode) Json.MAPPER.valueToTree(record));
    return n.toString();
  }
}
