package io.voltstream.api.rooms.dto;

import io.voltstream.model.Room;

/**
 * Body of {@code POST /api/v1/rooms} ({@code name} required; {@code building} defaults to {@code
 * default}).
 */
public record RoomRequest(String name, String building, Double areaM2) {
  public Room toRoom() {
    return new Room(name, building, areaM2);
  }
}
