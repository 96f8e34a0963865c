package io.voltstream.energy.flex;

import io.voltstream.energy.battery.BatteryPhysics;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.battery.BatteryState;

/**
 * The flexibility of one battery from its spec and latest state (this module's convention: power
 * positive when discharging). Rules (energy/README.md, "Flexibility"):
 *
 * <ul>
 *   <li><b>down</b> (reduce grid import) = discharge headroom: max discharge − current power (a
 *       charging battery also offers stopping its charge); none at or below the reserve, which
 *       dispatch's {@code ReserveFloor} keeps. Over the hour the total discharge is capped by the
 *       energy above the reserve through the discharge efficiency: {@code min(max discharge,
 *       E_above_reserve × ηd / 1 h) − current power}.
 *   <li><b>up</b> (raise grid import) = charge headroom: max charge + current power (a discharging
 *       battery also offers stopping its discharge); no charging at or above max SoC. Over the hour
 *       the total charge is capped by the room below max SoC through the charge efficiency: {@code
 *       min(max charge, E_below_max / ηc / 1 h) + current power}.
 * </ul>
 *
 * Capacities are scaled by the state of health, as {@link BatteryPhysics} does.
 */
public final class BatteryFlexibility {

  private BatteryFlexibility() {}

  public static Flexibility of(BatterySpec spec, BatteryState state) {
    double p = state.powerW(); // + discharging
    double soc = state.socPercent();
    double capacityKwh = BatteryPhysics.capacityKwh(spec, state.sohPercent());

    double downNowW = 0;
    double downHourW = 0;
    if (soc > spec.reservePercent()) {
      downNowW = Math.max(0.0, spec.maxDischargeW() - p);
      double deliverableKwh =
          capacityKwh * (soc - spec.reservePercent()) / 100.0 * spec.dischargeEfficiency();
      double sustainedW = Math.min(spec.maxDischargeW(), deliverableKwh * 1000.0);
      downHourW = Math.max(0.0, sustainedW - p);
    }

    double chargeCapW = soc < spec.maxSocPercent() ? spec.maxChargeW() : 0.0;
    double upNowW = Math.max(0.0, chargeCapW + p);
    double absorbableKwh =
        capacityKwh * Math.max(0.0, spec.maxSocPercent() - soc) / 100.0 / spec.chargeEfficiency();
    double upHourW = Math.max(0.0, Math.min(chargeCapW, absorbableKwh * 1000.0) + p);

    return new Flexibility(
        upNowW / 1000.0, downNowW / 1000.0, upHourW / 1000.0, downHourW / 1000.0);
  }
}
