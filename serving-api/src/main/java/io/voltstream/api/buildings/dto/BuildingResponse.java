package io.voltstream.api.buildings.dto;

import io.voltstream.energy.market.MarketMembership;
import io.voltstream.model.Building;

/**
 * A building with the number of rooms it holds and its market membership (the default, {@code
 * community} with the agent off, when unset).
 */
public record BuildingResponse(
    String id,
    String name,
    String address,
    Double latitude,
    Double longitude,
    int roomCount,
    MarketMembership market) {
  public static BuildingResponse from(Building b, int roomCount) {
    return new BuildingResponse(
        b.id(), b.name(), b.address(), b.latitude(), b.longitude(), roomCount, b.marketOrDefault());
  }
}
