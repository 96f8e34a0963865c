package io.voltstream.energy.dr;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a building delivered during a DR event, measured against its baseline (issue 9 §5).
 * Consumption perspective: delivered = baseline − metered, positive when the building drew less
 * than it would have.
 *
 * @param deliveredKw baseline − metered [kW] (negative when the building drew more)
 * @param performanceRatio delivered ÷ requested (1.0 = exactly as committed)
 * @param deliveredKwh delivered kW held over the elapsed time [kWh]
 * @param benefitEur incentive × max(0, delivered kWh) [EUR]; over-consumption is not charged
 */
public record DrPerformance(
    double deliveredKw, double performanceRatio, double deliveredKwh, double benefitEur) {

  /**
   * @param baselineKw mean baseline over the elapsed part of the event [kW]
   * @param meteredKw mean metered grid import over the same time [kW]
   * @param requestedKw reduction the invitation asked for [kW], &gt; 0
   * @param elapsed event time covered so far (the whole duration once completed), ≥ 0
   * @param incentiveEurPerKwh payment per kWh delivered [EUR/kWh], ≥ 0
   */
  public static DrPerformance of(
      double baselineKw,
      double meteredKw,
      double requestedKw,
      Duration elapsed,
      double incentiveEurPerKwh) {
    Objects.requireNonNull(elapsed, "elapsed");
    requireFinite("baselineKw", baselineKw);
    requireFinite("meteredKw", meteredKw);
    if (!(requestedKw > 0) || !Double.isFinite(requestedKw)) {
      throw new IllegalArgumentException("requestedKw must be > 0, was " + requestedKw);
    }
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed must be ≥ 0, was " + elapsed);
    }
    if (!(incentiveEurPerKwh >= 0) || !Double.isFinite(incentiveEurPerKwh)) {
      throw new IllegalArgumentException(
          "incentiveEurPerKwh must be ≥ 0, was " + incentiveEurPerKwh);
    }
    double deliveredKw = baselineKw - meteredKw;
    double hours = elapsed.toNanos() / 3.6e12;
    double deliveredKwh = deliveredKw * hours;
    return new DrPerformance(
        deliveredKw,
        deliveredKw / requestedKw,
        deliveredKwh,
        incentiveEurPerKwh * Math.max(0.0, deliveredKwh));
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }
}
