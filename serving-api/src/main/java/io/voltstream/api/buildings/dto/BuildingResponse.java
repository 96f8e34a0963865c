package io.voltstream.api.buildings.dto;

import io.voltstream.energy.market.MarketMembership;
import io.voltstream.model.Building;
import io.voltstream.model.PvSystem;

/**
 * A building with the number of rooms it holds and its market membership (the default, {@code
 * community} with the agent off, when unset) and its PV system (null when none is registered).
 */
public record BuildingResponse(
    String id,
    String name,
    String address,
    Double latitude,
    Double longitude,
    int roomCount,
    MarketMembership market,
    PvSystem pv) {
  public static BuildingResponse from(Building b, int roomCount) {
    return new BuildingResponse(
        b.id(),
        b.name(),
        b.address(),
        b.latitude(),
        b.longitude(),
        roomCount,
        b.marketOrDefault(),
        b.pv());
  }
}
