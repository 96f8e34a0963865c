package io.voltstream.api.batteries.dto;

import io.voltstream.energy.battery.BatterySpec;

/**
 * A battery: its registry spec and its latest reported state (null fields until it has reported).
 *
 * @param powerW AC power [W], + charging, − discharging
 * @param mode charge, discharge, idle, auto or safe, as the battery reports it
 */
public record BatteryResponse(
    String id,
    String building,
    Double socPercent,
    Double powerW,
    Double sohPercent,
    String mode,
    LastCommand lastCommand,
    double capacityKwh,
    double maxChargeW,
    double maxDischargeW,
    double roundTripEfficiency,
    double minSocPercent,
    double maxSocPercent,
    double reservePercent) {

  public static BatteryResponse from(BatterySpec b, BatteryState state, LastCommand lastCommand) {
    BatteryState s = state == null ? BatteryState.UNKNOWN : state;
    return new BatteryResponse(
        b.id(),
        b.building(),
        s.socPercent(),
        s.powerW(),
        s.sohPercent(),
        s.mode(),
        lastCommand,
        b.capacityKwh(),
        b.maxChargeW(),
        b.maxDischargeW(),
        b.roundTripEfficiency(),
        b.minSocPercent(),
        b.maxSocPercent(),
        b.reservePercent());
  }

  /** The latest reported state of a battery. */
  public record BatteryState(Double socPercent, Double powerW, Double sohPercent, String mode) {
    static final BatteryState UNKNOWN = new BatteryState(null, null, null, null);
  }
}
