package io.voltstream.api.buildings.dto;

import io.voltstream.energy.market.MarketMembership;
import io.voltstream.model.Building;
import io.voltstream.model.PvSystem;

/**
 * Body of {@code POST /api/v1/buildings} ({@code id} required) and {@code PUT …/{id}} ({@code id}
 * optional). {@code market} ({@code {"market": "<id>", "agent": true|false}}) is optional: absent
 * on a create = the default market with the agent off; absent on a PUT = unchanged. {@code pv}
 * ({@code {"capacity_kwp": 6, "tilt_deg": 35, "azimuth_deg": 90}}) is optional and needs {@code
 * latitude} and {@code longitude}; it is an attribute: a PUT without it removes it.
 */
public record BuildingRequest(
    String id,
    String name,
    String address,
    Double latitude,
    Double longitude,
    MarketMembership market,
    PvSystem pv) {
  public Building toBuilding() {
    return new Building(id, name, address, latitude, longitude, null, null, null, market, pv);
  }
}
