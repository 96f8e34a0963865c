package io.voltstream.energy.market.agent;

import io.voltstream.energy.battery.BatterySpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A building's batteries as the trading agent sees them: one pool of stored energy with its
 * reserve, its sell threshold and its ceiling (cell kWh), and the power limits. Batteries without a
 * known SoC are left out (they count for nothing, as in the DR forecast). State of health is taken
 * as 100 %, as dispatch does.
 *
 * @param storedKwh energy in the cells now [kWh]
 * @param reserveKwh cell energy at the reserves (normal dispatch never goes below) [kWh]
 * @param sellAboveKwh cell energy above which stored energy may be offered [kWh]
 * @param maxKwh cell energy at the maximum SoCs [kWh]
 * @param chargeEfficiency AC → cells (capacity-weighted √round-trip)
 * @param dischargeEfficiency cells → AC
 * @param maxChargeKw summed AC charge limits [kW]
 * @param maxDischargeKw summed AC discharge limits [kW]
 */
public record BatteryEnergy(
    double storedKwh,
    double reserveKwh,
    double sellAboveKwh,
    double maxKwh,
    double chargeEfficiency,
    double dischargeEfficiency,
    double maxChargeKw,
    double maxDischargeKw) {

  /**
   * The pool of the {@code batteries} that have a SoC in {@code socPercentById}; empty when none
   * has. The sell threshold of each battery is at least its reserve.
   */
  public static Optional<BatteryEnergy> of(
      List<BatterySpec> batteries, Map<String, Double> socPercentById, double sellAboveSocPercent) {
    double stored = 0;
    double reserve = 0;
    double sellAbove = 0;
    double max = 0;
    double capacity = 0;
    double chargeEff = 0;
    double dischargeEff = 0;
    double chargeKw = 0;
    double dischargeKw = 0;
    for (BatterySpec b : batteries) {
      Double soc = socPercentById.get(b.id());
      if (soc == null || !Double.isFinite(soc)) {
        continue;
      }
      double c = b.capacityKwh();
      stored += b.storedKwh(Math.max(b.minSocPercent(), Math.min(b.maxSocPercent(), soc)));
      reserve += b.storedKwh(b.reservePercent());
      sellAbove += b.storedKwh(Math.max(b.reservePercent(), sellAboveSocPercent));
      max += b.storedKwh(b.maxSocPercent());
      capacity += c;
      chargeEff += b.chargeEfficiency() * c;
      dischargeEff += b.dischargeEfficiency() * c;
      chargeKw += b.maxChargeW() / 1000.0;
      dischargeKw += b.maxDischargeW() / 1000.0;
    }
    if (capacity == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new BatteryEnergy(
            stored,
            reserve,
            sellAbove,
            max,
            chargeEff / capacity,
            dischargeEff / capacity,
            chargeKw,
            dischargeKw));
  }

  /** AC energy the pool can deliver over {@code slot} without going below the reserve [kWh]. */
  public double dischargeableKwh(Duration slot) {
    return Math.min(
        Math.max(0, storedKwh - reserveKwh) * dischargeEfficiency, maxDischargeKw * hours(slot));
  }

  /**
   * AC energy above the sell threshold the pool can still deliver over {@code slot} after {@code
   * alreadyKwh} (AC) of discharge in the same slot [kWh].
   */
  public double sellableKwh(Duration slot, double alreadyKwh) {
    return Math.max(
        0,
        Math.min(
            Math.max(0, storedKwh - sellAboveKwh) * dischargeEfficiency,
            maxDischargeKw * hours(slot) - alreadyKwh));
  }

  /** AC energy the pool can take over {@code slot} without exceeding its maximum SoC [kWh]. */
  public double chargeableKwh(Duration slot) {
    return Math.min(Math.max(0, maxKwh - storedKwh) / chargeEfficiency, maxChargeKw * hours(slot));
  }

  /** The pool after delivering {@code acKwh}. */
  public BatteryEnergy afterDischarge(double acKwh) {
    return withStored(storedKwh - acKwh / dischargeEfficiency);
  }

  /** The pool after taking {@code acKwh}. */
  public BatteryEnergy afterCharge(double acKwh) {
    return withStored(storedKwh + acKwh * chargeEfficiency);
  }

  private BatteryEnergy withStored(double kwh) {
    return new BatteryEnergy(
        kwh,
        reserveKwh,
        sellAboveKwh,
        maxKwh,
        chargeEfficiency,
        dischargeEfficiency,
        maxChargeKw,
        maxDischargeKw);
  }

  private static double hours(Duration d) {
    return d.toMillis() / 3_600_000.0;
  }
}
