package io.voltstream.jobs.roommetrics.logic;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.VersionHistory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The versioned registry view of the room aggregation: per view key ({@code sensor:<id>} → rooms,
 * {@code room:<name>} → buildings) the time-ordered {@link RegistryVersion}s, and the version in
 * force at a reading's event time.
 *
 * <p>A registry value carries its whole (bounded) history ({@code room_history}, {@code
 * building_history}, see {@link io.voltstream.model.Sensor}), so each change <em>replaces</em> the
 * key's versions: the view after the latest record of a key equals the view after all its records,
 * which is what makes the view survive compaction of the {@code registry} topic and makes it
 * independent of the order in which keys are read.
 */
public final class RegistryVersions {

  /** Versions kept per key: the model's history bound plus the current version. */
  public static final int MAX_VERSIONS = VersionHistory.MAX_VERSIONS + 1;

  private RegistryVersions() {}

  /** What one registry record does to the versioned view. */
  public record Change(
      RegistryEntry.Action action, String viewKey, List<RegistryVersion> versions) {}

  /** Interprets the registry record {@code key} → {@code json} (null = tombstone); never throws. */
  public static Change fromChange(RegistryKey key, String json) {
    RegistryEntry current = RegistryEntry.fromChange(key, json);
    if (current.action() == RegistryEntry.Action.IGNORE
        || current.action() == RegistryEntry.Action.MALFORMED
        || json == null) {
      return new Change(current.action(), current.viewKey(), List.of());
    }
    JsonNode node = parse(json);
    String field = key.kind() == RegistryKey.Kind.SENSOR ? "room" : "building";
    List<RegistryVersion> versions = new ArrayList<>();
    JsonNode history = node.get(field + "_history");
    if (history != null && history.isArray()) {
      for (JsonNode v : history) {
        versions.add(new RegistryVersion(instant(v.get("effective_from")), text(v.get(field))));
      }
    }
    versions.add(new RegistryVersion(instant(node.get("effective_from")), current.value()));
    List<RegistryVersion> ordered = ordered(versions);
    if (ordered.stream().allMatch(v -> v.value() == null)) {
      return new Change(RegistryEntry.Action.DELETE, current.viewKey(), List.of());
    }
    return new Change(RegistryEntry.Action.PUT, current.viewKey(), ordered);
  }

  /**
   * The value in force at {@code at}: that of the latest version effective at or before it; null
   * when every version starts later (the key was not registered yet) or {@code versions} is null.
   */
  public static String inForceAt(List<RegistryVersion> versions, Instant at) {
    if (versions == null) {
      return null;
    }
    String value = null;
    for (RegistryVersion v : versions) {
      if (v.effectiveFrom().isAfter(at)) {
        break;
      }
      value = v.value();
    }
    return value;
  }

  /** Sorted by effective-from (stable: the later-listed of equal instants wins), bounded. */
  private static List<RegistryVersion> ordered(List<RegistryVersion> versions) {
    List<RegistryVersion> sorted = new ArrayList<>(versions);
    sorted.sort(Comparator.comparing(RegistryVersion::effectiveFrom));
    List<RegistryVersion> bounded =
        sorted.size() > MAX_VERSIONS
            ? sorted.subList(sorted.size() - MAX_VERSIONS, sorted.size())
            : sorted;
    return List.copyOf(bounded);
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException("RegistryEntry accepted unparsable JSON", e);
    }
  }

  /** An ISO-8601 instant; absent or unreadable = from the beginning of time. */
  private static Instant instant(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return RegistryVersion.BEGINNING_OF_TIME;
    }
    try {
      return Instant.parse(n.asText());
    } catch (DateTimeParseException e) {
      return RegistryVersion.BEGINNING_OF_TIME;
    }
  }

  private static String text(JsonNode n) {
    return n == null || !n.isTextual() || n.asText().isBlank() ? null : n.asText().trim();
  }
}
