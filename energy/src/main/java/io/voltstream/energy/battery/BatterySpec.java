package io.voltstream.energy.battery;

import static io.voltstream.energy.EnergyValidationException.requireInRange;
import static io.voltstream.energy.EnergyValidationException.requireText;

import io.voltstream.energy.EnergyValidationException;
import java.util.List;

/**
 * A stationary battery as the registry stores it (JSON through the shared snake_case mapper).
 *
 * <p>Power convention everywhere in this module (as in OpenEMS): battery power is <b>positive when
 * discharging</b> (supplying the building) and negative when charging. Limits are AC-side.
 *
 * @param id battery id
 * @param building building the battery belongs to
 * @param capacityKwh nominal usable capacity [kWh], &gt; 0
 * @param maxChargeW largest charging power [W], &gt; 0
 * @param maxDischargeW largest discharging power [W], &gt; 0
 * @param roundTripEfficiency AC→AC round-trip efficiency (0, 1]; charge and discharge efficiencies
 *     are each its square root
 * @param minSocPercent physical floor [%] the battery never goes below
 * @param maxSocPercent physical ceiling [%]
 * @param reservePercent emergency reserve [%] that normal dispatch keeps (in [min, max] SoC); the
 *     {@code ReserveFloor} strategy enforces it
 */
public record BatterySpec(
    String id,
    String building,
    double capacityKwh,
    double maxChargeW,
    double maxDischargeW,
    double roundTripEfficiency,
    double minSocPercent,
    double maxSocPercent,
    double reservePercent) {

  public BatterySpec {
    requireText("id", id);
    requireText("building", building);
    requireInRange("capacity_kwh", capacityKwh, 1e-3, 1e6);
    requireInRange("max_charge_w", maxChargeW, 1.0, 1e9);
    requireInRange("max_discharge_w", maxDischargeW, 1.0, 1e9);
    requireInRange("round_trip_efficiency", roundTripEfficiency, 0.01, 1.0);
    requireInRange("min_soc_percent", minSocPercent, 0.0, 100.0);
    requireInRange("max_soc_percent", maxSocPercent, 0.0, 100.0);
    if (maxSocPercent <= minSocPercent) {
      throw new EnergyValidationException(
          "max_soc_percent",
          "must be greater than min_soc_percent (" + minSocPercent + "), was " + maxSocPercent);
    }
    requireInRange("reserve_percent", reservePercent, minSocPercent, maxSocPercent);
  }

  /** Fraction of AC energy that reaches the cells while charging: √(round-trip). */
  public double chargeEfficiency() {
    return Math.sqrt(roundTripEfficiency);
  }

  /** Fraction of cell energy that reaches the AC side while discharging: √(round-trip). */
  public double dischargeEfficiency() {
    return Math.sqrt(roundTripEfficiency);
  }

  /** Energy stored at a SoC [kWh]. */
  public double storedKwh(double socPercent) {
    return capacityKwh * socPercent / 100.0;
  }

  /**
   * One virtual battery standing for several in the same building, as building-level dispatch sees
   * them: capacities and powers add, percentages and efficiency are capacity-weighted.
   */
  public static BatterySpec aggregate(String id, List<BatterySpec> batteries) {
    if (batteries.isEmpty()) {
      throw new EnergyValidationException("batteries", "at least one battery is needed");
    }
    double capacity = 0;
    double charge = 0;
    double discharge = 0;
    double rte = 0;
    double min = 0;
    double max = 0;
    double reserve = 0;
    for (BatterySpec b : batteries) {
      capacity += b.capacityKwh;
      charge += b.maxChargeW;
      discharge += b.maxDischargeW;
      rte += b.roundTripEfficiency * b.capacityKwh;
      min += b.minSocPercent * b.capacityKwh;
      max += b.maxSocPercent * b.capacityKwh;
      reserve += b.reservePercent * b.capacityKwh;
    }
    return new BatterySpec(
        id,
        batteries.get(0).building,
        capacity,
        charge,
        discharge,
        rte / capacity,
        min / capacity,
        max / capacity,
        reserve / capacity);
  }
}
