package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A room in the registry, with the building it belongs to and its floor area.
 *
 * <p>The building is versioned like {@link Sensor}'s room: {@code building} holds from {@code
 * effectiveFrom} (absent = from the beginning of time), {@code buildingHistory} keeps the earlier
 * buildings oldest first, extended by writers with {@link #succeeding}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Room(
    String name,
    String building,
    Double areaM2,
    Instant effectiveFrom,
    List<BuildingVersion> buildingHistory) {

  /** An earlier building of the room, from {@code effectiveFrom} (null = beginning of time). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BuildingVersion(String building, Instant effectiveFrom)
      implements VersionHistory.Version {
    @Override
    public String value() {
      return building;
    }
  }

  public Room {
    buildingHistory =
        buildingHistory == null || buildingHistory.isEmpty() ? null : List.copyOf(buildingHistory);
  }

  /** A room without building history (its building holds from the beginning of time). */
  public Room(String name, String building, Double areaM2) {
    this(name, building, areaM2, null, null);
  }

  /** This room as the next version of {@code previous}; see {@link Sensor#succeeding}. */
  public Room succeeding(Room previous, Instant now) {
    if (previous == null) {
      return new Room(name, building, areaM2, null, null);
    }
    if (Objects.equals(previous.building, building)) {
      return new Room(name, building, areaM2, previous.effectiveFrom, previous.buildingHistory);
    }
    List<BuildingVersion> history =
        VersionHistory.append(
            previous.buildingHistory,
            new BuildingVersion(previous.building, previous.effectiveFrom),
            now);
    return new Room(name, building, areaM2, now, history);
  }
}
