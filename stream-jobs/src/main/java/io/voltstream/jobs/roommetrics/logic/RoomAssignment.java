package io.voltstream.jobs.roommetrics.logic;

import io.voltstream.model.Building;
import io.voltstream.model.SensorReading;
import java.util.function.UnaryOperator;

/**
 * The room and building a reading is counted in. The registry's sensor → room assignment wins over
 * the room the device claimed; the room's building comes from the registry, else {@code default}. A
 * reading with neither a registered nor a claimed room goes to the room {@value #UNASSIGNED_ROOM}
 * so that it is still aggregated (nothing accepted is dropped) and visible to operators.
 */
public record RoomAssignment(String room, String building) {

  public static final String UNASSIGNED_ROOM = "unassigned";
  public static final String DEFAULT_BUILDING = Building.DEFAULT_ID;

  /**
   * Assigns {@code reading} using {@code view}, a lookup of the registry view keyed as in {@link
   * RegistryEntry} (returns null when absent).
   */
  public static RoomAssignment assign(SensorReading reading, UnaryOperator<String> view) {
    String room = blankToNull(view.apply(RegistryEntry.sensorKey(reading.sensorId())));
    if (room == null) {
      room = blankToNull(reading.room());
    }
    if (room == null) {
      room = UNASSIGNED_ROOM;
    }
    String building = blankToNull(view.apply(RegistryEntry.roomKey(room)));
    return new RoomAssignment(room, building != null ? building : DEFAULT_BUILDING);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
