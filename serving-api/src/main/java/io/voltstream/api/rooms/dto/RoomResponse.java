package io.voltstream.api.rooms.dto;

import io.voltstream.model.Room;

/** A room with its building and the number of sensors assigned to it. */
public record RoomResponse(String name, String building, Double areaM2, int sensorCount) {
  public static RoomResponse from(Room r, int sensorCount) {
    return new RoomResponse(r.name(), r.building(), r.areaM2(), sensorCount);
  }
}
