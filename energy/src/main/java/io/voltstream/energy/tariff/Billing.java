package io.voltstream.energy.tariff;

import java.time.Duration;
import java.time.Instant;

/**
 * Money and CO2 accounting of a grid-power series (positive = import, negative = export) on a
 * regular grid. Prices apply per step at the step's start; the demand peak is taken over 15-minute
 * intervals aligned to the quarter hour, as meters settle it.
 */
public final class Billing {
  public static final Duration DEMAND_INTERVAL = Duration.ofMinutes(15);

  private Billing() {}

  public static Bill bill(Tariff tariff, Instant start, Duration step, double[] gridPowerW) {
    if (step.isZero() || step.isNegative() || DEMAND_INTERVAL.toNanos() % step.toNanos() != 0) {
      throw new IllegalArgumentException("step must divide 15 minutes, was " + step);
    }
    double hours = step.toNanos() / 3.6e12;
    double importKwh = 0;
    double exportKwh = 0;
    double cost = 0;
    double co2 = 0;
    double peakW = 0;
    long intervalSeconds = DEMAND_INTERVAL.toSeconds();
    long currentInterval = Long.MIN_VALUE;
    double intervalEnergyWh = 0;
    for (int i = 0; i < gridPowerW.length; i++) {
      Instant at = start.plus(step.multipliedBy(i));
      long interval = Math.floorDiv(at.getEpochSecond(), intervalSeconds);
      if (interval != currentInterval) {
        peakW = Math.max(peakW, intervalEnergyWh / 0.25);
        currentInterval = interval;
        intervalEnergyWh = 0;
      }
      double kwh = gridPowerW[i] * hours / 1000.0;
      // Demand is metered on the import register only: exports in the interval do not offset it.
      intervalEnergyWh += Math.max(0.0, kwh) * 1000.0;
      if (kwh >= 0) {
        importKwh += kwh;
        cost += kwh * tariff.importPriceEurPerKwh(at);
        co2 += kwh * tariff.carbonGramsPerKwh(at) / 1000.0;
      } else {
        exportKwh -= kwh;
        cost += kwh * tariff.exportEurPerKwh();
      }
    }
    peakW = Math.max(peakW, intervalEnergyWh / 0.25);
    double peakKw = peakW / 1000.0;
    return new Bill(
        importKwh, exportKwh, cost, peakKw, peakKw * tariff.demandChargeEurPerKwMonth(), co2);
  }
}
