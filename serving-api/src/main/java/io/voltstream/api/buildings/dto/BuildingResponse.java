package io.voltstream.api.buildings.dto;

import io.voltstream.model.Building;

/** A building with the number of rooms it holds. */
public record BuildingResponse(
    String id, String name, String address, Double latitude, Double longitude, int roomCount) {
  public static BuildingResponse from(Building b, int roomCount) {
    return new BuildingResponse(
        b.id(), b.name(), b.address(), b.latitude(), b.longitude(), roomCount);
  }
}
