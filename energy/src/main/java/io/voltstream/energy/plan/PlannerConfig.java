package io.voltstream.energy.plan;

import java.time.Duration;

/**
 * Planner settings.
 *
 * @param slot slot length (default 15 min, the demand-charge interval)
 * @param horizon planning horizon (default 24 h)
 * @param powerResolutionW the SoC grid's step expressed as the slot power it takes to move one
 *     level (default 200 W): the DP's power granularity. Finer is slower (time ∝ 1/resolution²)
 * @param exactPeakSearch try every achievable slot import as the peak cap (exact for the SoC grid;
 *     for small cases and tests) instead of a coarse grid plus golden-section refinement
 * @param terminalValueEurPerKwh value credited for energy left in the cells at the horizon's end
 *     (default 0: the rolling re-plan keeps the horizon moving, and the scorecard's cost does not
 *     credit it either)
 */
public record PlannerConfig(
    Duration slot,
    Duration horizon,
    double powerResolutionW,
    boolean exactPeakSearch,
    double terminalValueEurPerKwh) {

  public PlannerConfig {
    if (slot.isZero() || slot.isNegative() || horizon.compareTo(slot) < 0) {
      throw new IllegalArgumentException("slot must be positive and not longer than the horizon");
    }
    if (!(powerResolutionW > 0)) {
      throw new IllegalArgumentException("powerResolutionW must be > 0, was " + powerResolutionW);
    }
    if (!Double.isFinite(terminalValueEurPerKwh)) {
      throw new IllegalArgumentException("terminalValueEurPerKwh must be finite");
    }
  }

  public static PlannerConfig defaults() {
    return new PlannerConfig(Duration.ofMinutes(15), Duration.ofHours(24), 200.0, false, 0.0);
  }

  public int slotsInHorizon() {
    return (int) (horizon.toNanos() / slot.toNanos());
  }

  public PlannerConfig withPowerResolutionW(double resolutionW) {
    return new PlannerConfig(slot, horizon, resolutionW, exactPeakSearch, terminalValueEurPerKwh);
  }

  public PlannerConfig withExactPeakSearch(boolean exact) {
    return new PlannerConfig(slot, horizon, powerResolutionW, exact, terminalValueEurPerKwh);
  }

  public PlannerConfig withHorizon(Duration newHorizon) {
    return new PlannerConfig(
        slot, newHorizon, powerResolutionW, exactPeakSearch, terminalValueEurPerKwh);
  }
}
