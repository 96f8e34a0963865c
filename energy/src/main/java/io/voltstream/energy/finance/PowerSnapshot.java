package io.voltstream.energy.finance;

/**
 * What a building (or room) draws at one moment, held until the next sample (sample-and-hold).
 *
 * @param consumptionW gross consumption of the consumption meters [W] (≥ 0)
 * @param generationW PV generation [W] (≥ 0)
 * @param batteryChargingW battery power, + charging, − discharging (telemetry convention) [W]
 * @param metered whether any consumption or generation meter was known at that moment
 */
public record PowerSnapshot(
    double consumptionW, double generationW, double batteryChargingW, boolean metered) {

  /** Nothing known. */
  public static final PowerSnapshot UNKNOWN = new PowerSnapshot(0, 0, 0, false);

  /**
   * The grid exchange [W], + import / − export: consumption − generation + battery charging (the
   * metering rule of PHASE4 and energy/README.md).
   */
  public double gridW() {
    return consumptionW - generationW + batteryChargingW;
  }
}
