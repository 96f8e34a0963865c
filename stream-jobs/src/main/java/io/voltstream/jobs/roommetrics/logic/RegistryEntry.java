package io.voltstream.jobs.roommetrics.logic;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;

/**
 * What one registry change does to the assignment view: the view is a flat map with {@code
 * sensor:<id>} → room name and {@code room:<name>} → building id (the same keys as the topic), so
 * the Flink adapter can keep it in one broadcast {@code MapState<String, String>}.
 *
 * <p>Buildings carry nothing the assignment needs and are {@link Action#IGNORE}d; tombstones and
 * entities without the relevant field {@link Action#DELETE} the entry; values that are not JSON
 * objects are {@link Action#MALFORMED} (the adapter counts them and keeps the previous entry).
 */
public record RegistryEntry(Action action, String viewKey, String value) {

  public enum Action {
    PUT,
    DELETE,
    IGNORE,
    MALFORMED
  }

  /** The view key holding the room of {@code sensorId}. */
  public static String sensorKey(String sensorId) {
    return RegistryKey.sensor(sensorId).encode();
  }

  /** The view key holding the building of {@code room}. */
  public static String roomKey(String room) {
    return RegistryKey.room(room).encode();
  }

  /** Interprets the registry record {@code key} → {@code json} (null = tombstone); never throws. */
  public static RegistryEntry fromChange(RegistryKey key, String json) {
    if (key == null || key.kind() == RegistryKey.Kind.BUILDING) {
      return new RegistryEntry(Action.IGNORE, key == null ? null : key.encode(), null);
    }
    String viewKey = key.encode();
    if (json == null) {
      return new RegistryEntry(Action.DELETE, viewKey, null);
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (Exception e) {
      return new RegistryEntry(Action.MALFORMED, viewKey, null);
    }
    if (node == null || !node.isObject()) {
      return new RegistryEntry(Action.MALFORMED, viewKey, null);
    }
    String field = key.kind() == RegistryKey.Kind.SENSOR ? "room" : "building";
    String value = text(node.get(field));
    if (value == null) {
      // A sensor without a room falls back to its payload room; a room without a building is in
      // building "default" either way, so dropping the entry is exact.
      return new RegistryEntry(Action.DELETE, viewKey, null);
    }
    return new RegistryEntry(Action.PUT, viewKey, value);
  }

  private static String text(JsonNode n) {
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      return null;
    }
    return n.asText().trim();
  }
}
