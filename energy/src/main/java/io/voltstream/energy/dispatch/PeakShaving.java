package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.PowerRange;

/**
 * Peak shaving (OpenEMS {@code controller.ess.peakshaving}): grid import must stay at or below
 * {@code thresholdW}. As a limit it raises the range's lower end to {@code netLoad − threshold}:
 * above the threshold the battery must discharge the excess, below it charging may only use the
 * headroom. With {@code rechargeW > 0} it is also a complete rule: it discharges exactly the excess
 * and, below the threshold, recharges from the grid with up to {@code rechargeW} inside the
 * headroom.
 *
 * @param thresholdW import threshold [W]
 * @param rechargeW recharge power below the threshold [W]; 0 = limit only (for stacks)
 */
public record PeakShaving(double thresholdW, double rechargeW) implements DispatchStrategy {
  public static final String NAME = "peak_shaving";

  public PeakShaving {
    if (!(thresholdW >= 0) || !(rechargeW >= 0)) {
      throw new IllegalArgumentException("thresholdW and rechargeW must be ≥ 0");
    }
  }

  /** Limit-only peak shaving, for use above optimising strategies. */
  public static PeakShaving limit(double thresholdW) {
    return new PeakShaving(thresholdW, 0.0);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome apply(DispatchContext ctx, PowerRange allowed) {
    double excessW = ctx.netLoadW() - thresholdW;
    if (excessW > 0) {
      String reason =
          String.format(
              "net load %.0f W above threshold %.0f W: discharging ≥ %.0f W",
              ctx.netLoadW(), thresholdW, excessW);
      return rechargeW > 0
          ? Outcome.setpoint(excessW, reason)
          : new Outcome(allowed.atLeast(excessW), reason);
    }
    if (rechargeW > 0) {
      double chargeW = Math.min(rechargeW, -excessW);
      return Outcome.setpoint(
          -chargeW,
          String.format(
              "net load %.0f W below threshold %.0f W: recharging with up to %.0f W",
              ctx.netLoadW(), thresholdW, chargeW));
    }
    return new Outcome(
        allowed.atLeast(excessW),
        String.format(
            "charging ≤ %.0f W keeps import under the %.0f W threshold", -excessW, thresholdW));
  }

  /**
   * A threshold an operator can set from history alone: the lowest import level whose daily excess
   * energy (15-minute averages above it) would fit in the battery's usable energy on every past
   * day.
   *
   * @param pastDailyIntervalsW per past day, its 15-minute average net loads [W]
   * @param usableKwh energy the battery can deliver between reserve and max SoC (AC side)
   */
  public static double thresholdFromHistory(double[][] pastDailyIntervalsW, double usableKwh) {
    double lo = 0;
    double hi = 0;
    for (double[] day : pastDailyIntervalsW) {
      for (double w : day) {
        hi = Math.max(hi, w);
      }
    }
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (fits(pastDailyIntervalsW, mid, usableKwh)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  private static boolean fits(double[][] days, double thresholdW, double usableKwh) {
    for (double[] day : days) {
      double excessKwh = 0;
      for (double w : day) {
        excessKwh += Math.max(0, w - thresholdW) * 0.25 / 1000.0;
      }
      if (excessKwh > usableKwh) {
        return false;
      }
    }
    return true;
  }
}
