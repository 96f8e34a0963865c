package io.voltstream.energy.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A battery schedule over a horizon of equal slots (15 minutes by default).
 *
 * @param start start of the first slot
 * @param slot slot length
 * @param batteryPowerW planned average battery power per slot (positive = discharge) [W]
 * @param gridImportW resulting grid import per slot under the forecast (negative = export) [W]
 * @param socPercent SoC at the end of each slot [%]
 * @param peakImportW highest planned slot import [W]
 * @param expectedCostEur energy cost of the horizon plus the demand charge on the rise of the
 *     month's peak, under the forecast
 */
public record Plan(
    Instant start,
    Duration slot,
    List<Double> batteryPowerW,
    List<Double> gridImportW,
    List<Double> socPercent,
    double peakImportW,
    double expectedCostEur) {

  public Plan {
    batteryPowerW = List.copyOf(batteryPowerW);
    gridImportW = List.copyOf(gridImportW);
    socPercent = List.copyOf(socPercent);
    if (batteryPowerW.size() != gridImportW.size() || batteryPowerW.size() != socPercent.size()) {
      throw new IllegalArgumentException("plan series differ in length");
    }
  }

  public int slots() {
    return batteryPowerW.size();
  }

  /** The first instant after the plan. */
  public Instant end() {
    return start.plus(slot.multipliedBy(slots()));
  }

  /** Index of the slot containing {@code at}, or −1 outside the plan. */
  public int slotAt(Instant at) {
    if (at.isBefore(start) || !at.isBefore(end())) {
      return -1;
    }
    return (int) (Duration.between(start, at).toNanos() / slot.toNanos());
  }
}
