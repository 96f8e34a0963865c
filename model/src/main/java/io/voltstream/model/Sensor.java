package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A registered sensor and the room it is assigned to (this assignment beats the payload's room).
 *
 * <p>The assignment is versioned so that reprocessing is deterministic (stream-jobs README,
 * "Versioned registry"): {@code room} holds from {@code effectiveFrom} (absent = from the beginning
 * of time, as for values written before versioning), and {@code roomHistory} keeps the earlier
 * assignments oldest first. The history lives in the value itself because the {@code registry}
 * topic is compacted: the latest record per key is all that survives. Writers extend it with {@link
 * #succeeding}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sensor(
    String sensorId,
    String room,
    SensorType sensorType,
    String name,
    Boolean drEnabled,
    Instant effectiveFrom,
    List<RoomVersion> roomHistory) {

  /** An earlier room assignment, in force from {@code effectiveFrom} (null = beginning of time). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RoomVersion(String room, Instant effectiveFrom) implements VersionHistory.Version {
    @Override
    public String value() {
      return room;
    }
  }

  public Sensor {
    roomHistory = roomHistory == null || roomHistory.isEmpty() ? null : List.copyOf(roomHistory);
  }

  /** A sensor without assignment history (its room holds from the beginning of time). */
  public Sensor(
      String sensorId, String room, SensorType sensorType, String name, Boolean drEnabled) {
    this(sensorId, room, sensorType, name, drEnabled, null, null);
  }

  /**
   * This sensor as the next version of {@code previous}: a changed room holds from {@code now} and
   * the previous room joins the history; an unchanged room keeps the previous version and history.
   * A new sensor ({@code previous} null) has no effective-from: its first room holds since forever,
   * as for sensors registered before versioning, so backfilled readings keep their room. History
   * beyond {@link VersionHistory#RETENTION_HORIZON} is dropped, at most {@link
   * VersionHistory#MAX_VERSIONS} kept. What the caller put in {@code effectiveFrom}/{@code
   * roomHistory} is ignored: the writer stamps them.
   */
  public Sensor succeeding(Sensor previous, Instant now) {
    if (previous == null) {
      return new Sensor(sensorId, room, sensorType, name, drEnabled, null, null);
    }
    if (java.util.Objects.equals(previous.room, room)) {
      return new Sensor(
          sensorId,
          room,
          sensorType,
          name,
          drEnabled,
          previous.effectiveFrom,
          previous.roomHistory);
    }
    List<RoomVersion> history =
        VersionHistory.append(
            previous.roomHistory, new RoomVersion(previous.room, previous.effectiveFrom), now);
    return new Sensor(sensorId, room, sensorType, name, drEnabled, now, history);
  }
}
