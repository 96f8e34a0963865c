package io.voltstream.energy.battery;

import java.time.Duration;

/**
 * The battery model every part of Voltstream shares: SoC integrated over a step with the charge and
 * discharge efficiencies, AC power clamped to the power limits and then to the SoC bounds.
 *
 * <p>Charging {@code P} W for {@code dt} stores {@code P·dt·ηc} in the cells; discharging {@code P}
 * W draws {@code P·dt/ηd} from them. State of health scales the usable capacity.
 */
public final class BatteryPhysics {
  /** SoC overshoot below this [%] is rounding, not a clamp. */
  private static final double SOC_EPSILON_PERCENT = 1e-9;

  private BatteryPhysics() {}

  /** What limited a step. */
  public enum Clamp {
    NONE,
    /** The request exceeded max charge or discharge power. */
    POWER_LIMIT,
    /** The request would have pushed the SoC beyond min or max SoC. */
    SOC_LIMIT
  }

  /**
   * One integration step.
   *
   * @param socPercent SoC after the step
   * @param requestedPowerW what was asked (positive = discharge)
   * @param appliedPowerW what the battery delivered on average over the step
   * @param chargedAcKwh AC energy taken in (≥ 0)
   * @param dischargedAcKwh AC energy delivered (≥ 0)
   * @param cellDischargedKwh energy drawn from the cells (≥ 0), for cycle counting
   * @param clamp what limited the step, if anything
   */
  public record Step(
      double socPercent,
      double requestedPowerW,
      double appliedPowerW,
      double chargedAcKwh,
      double dischargedAcKwh,
      double cellDischargedKwh,
      Clamp clamp) {}

  /** Usable capacity at a state of health [kWh]. */
  public static double capacityKwh(BatterySpec spec, double sohPercent) {
    return spec.capacityKwh() * sohPercent / 100.0;
  }

  /**
   * The power range available for the next {@code step} at {@code socPercent}, keeping the SoC
   * within [floorPercent, max SoC]: limits shrink near the bounds so that the step ends exactly on
   * them. {@code floorPercent} is the min SoC, or the reserve for normal dispatch.
   */
  public static PowerRange limits(
      BatterySpec spec, double socPercent, double sohPercent, Duration step, double floorPercent) {
    double hours = hours(step);
    double capacity = capacityKwh(spec, sohPercent);
    double aboveFloorKwh = Math.max(0.0, (socPercent - floorPercent) / 100.0 * capacity);
    double belowMaxKwh = Math.max(0.0, (spec.maxSocPercent() - socPercent) / 100.0 * capacity);
    double dischargeW =
        Math.min(spec.maxDischargeW(), aboveFloorKwh * spec.dischargeEfficiency() / hours * 1000.0);
    double chargeW =
        Math.min(spec.maxChargeW(), belowMaxKwh / spec.chargeEfficiency() / hours * 1000.0);
    return new PowerRange(-chargeW, dischargeW);
  }

  /** {@link #limits} with the physical floor (min SoC) and full health. */
  public static PowerRange limits(BatterySpec spec, double socPercent, Duration step) {
    return limits(spec, socPercent, 100.0, step, spec.minSocPercent());
  }

  /** Integrates {@code requestedPowerW} over {@code step} from {@code socPercent}. */
  public static Step step(
      BatterySpec spec,
      double socPercent,
      double sohPercent,
      double requestedPowerW,
      Duration step) {
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be positive, was " + step);
    }
    Clamp clamp = Clamp.NONE;
    double power = requestedPowerW;
    if (power > spec.maxDischargeW() || power < -spec.maxChargeW()) {
      power = Math.max(-spec.maxChargeW(), Math.min(spec.maxDischargeW(), power));
      clamp = Clamp.POWER_LIMIT;
    }
    PowerRange socRange = limits(spec, socPercent, sohPercent, step, spec.minSocPercent());
    if (power > socRange.maxW() * (1 + 1e-12) || power < socRange.minW() * (1 + 1e-12)) {
      power = socRange.clamp(power);
      clamp = Clamp.SOC_LIMIT;
    }
    double hours = hours(step);
    double capacity = capacityKwh(spec, sohPercent);
    double acKwh = power * hours / 1000.0;
    double cellKwh =
        acKwh >= 0 ? -acKwh / spec.dischargeEfficiency() : -acKwh * spec.chargeEfficiency();
    double soc = socPercent + cellKwh / capacity * 100.0;
    // Land exactly on a bound that the limits aimed at (floating point may miss by an ulp).
    if (soc > spec.maxSocPercent() && soc < spec.maxSocPercent() + SOC_EPSILON_PERCENT + 1e-6) {
      soc = Math.max(socPercent, spec.maxSocPercent());
    } else if (soc < spec.minSocPercent()
        && soc > spec.minSocPercent() - SOC_EPSILON_PERCENT - 1e-6) {
      soc = Math.min(socPercent, spec.minSocPercent());
    }
    return new Step(
        soc,
        requestedPowerW,
        power,
        Math.max(0, -acKwh),
        Math.max(0, acKwh),
        Math.max(0, -cellKwh),
        clamp);
  }

  static double hours(Duration step) {
    return step.toNanos() / 3.6e12;
  }
}
