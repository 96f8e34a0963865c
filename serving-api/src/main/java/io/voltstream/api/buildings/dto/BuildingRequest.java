package io.voltstream.api.buildings.dto;

import io.voltstream.model.Building;

/**
 * Body of {@code POST /api/v1/buildings} ({@code id} required) and {@code PUT …/{id}} ({@code id}
 * optional).
 */
public record BuildingRequest(
    String id, String name, String address, Double latitude, Double longitude) {
  public Building toBuilding() {
    return new Building(id, name, address, latitude, longitude);
  }
}
