package io.voltstream.energy.finance;

import java.time.Duration;

/**
 * Energies of one building (or room) in one slot, integrated per sample interval so that import and
 * export are separated at sample granularity: a slot that imports at night and exports at noon — or
 * within a quarter hour, imports for 5 minutes and exports for 10 — keeps both. Also the
 * counterfactual imports the CO2 and battery figures need. Immutable; {@link #plus} adds one
 * interval of constant power.
 *
 * @param consumptionKwh gross consumption [kWh]
 * @param generationKwh PV generation [kWh]
 * @param importKwh grid import [kWh]
 * @param exportKwh grid export [kWh]
 * @param batteryChargeKwh energy into the batteries [kWh]
 * @param batteryDischargeKwh energy out of the batteries [kWh]
 * @param importWithoutBatteryKwh import had the batteries been idle: consumption − generation [kWh]
 * @param exportWithoutBatteryKwh export had the batteries been idle [kWh]
 * @param importWithoutPvKwh import without PV: consumption + battery charging [kWh]
 * @param meteredSeconds time covered by meter samples [s]
 */
public record MeteredEnergy(
    double consumptionKwh,
    double generationKwh,
    double importKwh,
    double exportKwh,
    double batteryChargeKwh,
    double batteryDischargeKwh,
    double importWithoutBatteryKwh,
    double exportWithoutBatteryKwh,
    double importWithoutPvKwh,
    double meteredSeconds) {

  public static final MeteredEnergy NONE = new MeteredEnergy(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** This plus {@code power} held for {@code duration}. */
  public MeteredEnergy plus(PowerSnapshot power, Duration duration) {
    double hours = duration.toNanos() / 3.6e12;
    double grid = power.gridW();
    double withoutBattery = power.consumptionW() - power.generationW();
    double withoutPv = power.consumptionW() + power.batteryChargingW();
    return new MeteredEnergy(
        consumptionKwh + kwh(power.consumptionW(), hours),
        generationKwh + kwh(power.generationW(), hours),
        importKwh + kwh(Math.max(0, grid), hours),
        exportKwh + kwh(Math.max(0, -grid), hours),
        batteryChargeKwh + kwh(Math.max(0, power.batteryChargingW()), hours),
        batteryDischargeKwh + kwh(Math.max(0, -power.batteryChargingW()), hours),
        importWithoutBatteryKwh + kwh(Math.max(0, withoutBattery), hours),
        exportWithoutBatteryKwh + kwh(Math.max(0, -withoutBattery), hours),
        importWithoutPvKwh + kwh(Math.max(0, withoutPv), hours),
        meteredSeconds + (power.metered() ? duration.toNanos() / 1e9 : 0));
  }

  /** Both together (e.g. two partial integrations of one slot). */
  public MeteredEnergy plus(MeteredEnergy o) {
    return new MeteredEnergy(
        consumptionKwh + o.consumptionKwh,
        generationKwh + o.generationKwh,
        importKwh + o.importKwh,
        exportKwh + o.exportKwh,
        batteryChargeKwh + o.batteryChargeKwh,
        batteryDischargeKwh + o.batteryDischargeKwh,
        importWithoutBatteryKwh + o.importWithoutBatteryKwh,
        exportWithoutBatteryKwh + o.exportWithoutBatteryKwh,
        importWithoutPvKwh + o.importWithoutPvKwh,
        meteredSeconds + o.meteredSeconds);
  }

  /** The metered grid exchange of the slot, + import / − export [kWh]. */
  public double netKwh() {
    return importKwh - exportKwh;
  }

  /** Share of {@code slot} covered by meter samples (0 … 1). */
  public double meteredShare(Duration slot) {
    return Math.min(1.0, meteredSeconds / (slot.toNanos() / 1e9));
  }

  /** Generation used on site: generation − export, never below 0 [kWh]. */
  public double selfConsumedKwh() {
    return Math.max(0, generationKwh - exportKwh);
  }

  private static double kwh(double watts, double hours) {
    return watts * hours / 1000.0;
  }
}
