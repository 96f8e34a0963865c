package io.voltstream.api.batteries.dto;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.energy.EnergyValidationException;
import io.voltstream.energy.battery.BatterySpec;

/**
 * Body of {@code POST /api/v1/batteries} ({@code id} required) and {@code PUT …/{id}} ({@code id}
 * optional): the {@link BatterySpec} fields, snake_case. Missing numbers and every rule of {@link
 * BatterySpec} are 400s naming the field.
 */
public record BatteryRequest(
    String id,
    String building,
    Double capacityKwh,
    Double maxChargeW,
    Double maxDischargeW,
    Double roundTripEfficiency,
    Double minSocPercent,
    Double maxSocPercent,
    Double reservePercent) {

  /** The spec for battery {@code batteryId} (the path's id on PUT). */
  public BatterySpec toSpec(String batteryId) {
    try {
      return new BatterySpec(
          batteryId,
          building,
          required("capacity_kwh", capacityKwh),
          required("max_charge_w", maxChargeW),
          required("max_discharge_w", maxDischargeW),
          required("round_trip_efficiency", roundTripEfficiency),
          required("min_soc_percent", minSocPercent),
          required("max_soc_percent", maxSocPercent),
          required("reserve_percent", reservePercent));
    } catch (EnergyValidationException e) {
      throw ApiException.badRequest(
          "invalid " + e.field(), new FieldError(e.field(), e.getMessage()));
    }
  }

  private static double required(String field, Double value) {
    if (value == null) {
      throw ApiException.badRequest(field + " is required", new FieldError(field, "required"));
    }
    return value;
  }
}
