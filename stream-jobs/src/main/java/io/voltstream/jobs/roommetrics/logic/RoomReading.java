package io.voltstream.jobs.roommetrics.logic;

import io.voltstream.model.SensorReading;

/**
 * A reading after room assignment: {@code reading.room()} is the assigned room, plus its building.
 */
public record RoomReading(String room, String building, SensorReading reading) {

  public static RoomReading of(SensorReading reading, RoomAssignment assignment) {
    return new RoomReading(
        assignment.room(), assignment.building(), reading.withRoom(assignment.room()));
  }
}
