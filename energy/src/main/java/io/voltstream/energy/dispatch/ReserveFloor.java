package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.BatteryPhysics;
import io.voltstream.energy.battery.PowerRange;

/**
 * Emergency reserve (OpenEMS "emergency capacity reserve"): normal dispatch never discharges below
 * the battery's {@code reservePercent}; below it the battery recharges with at least {@code
 * rechargeW}. Put it first in a stack.
 *
 * @param rechargeW charging power [W] used to climb back above the reserve; 0 = only block
 *     discharge
 */
public record ReserveFloor(double rechargeW) implements DispatchStrategy {
  public static final String NAME = "reserve";

  public ReserveFloor {
    if (!(rechargeW >= 0)) {
      throw new IllegalArgumentException("rechargeW must be ≥ 0, was " + rechargeW);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome apply(DispatchContext ctx, PowerRange allowed) {
    double reserve = ctx.battery().reservePercent();
    if (ctx.socPercent() < reserve && rechargeW > 0) {
      return new Outcome(
          allowed.atMost(-rechargeW),
          String.format(
              "SoC %.1f %% below reserve %.1f %%: recharging at ≥ %.0f W",
              ctx.socPercent(), reserve, rechargeW));
    }
    PowerRange aboveReserve =
        BatteryPhysics.limits(ctx.battery(), ctx.socPercent(), 100.0, ctx.interval(), reserve);
    return new Outcome(
        allowed.atMost(aboveReserve.maxW()),
        String.format(
            "keeping the %.1f %% reserve: discharge ≤ %.0f W", reserve, aboveReserve.maxW()));
  }
}
