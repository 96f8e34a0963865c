package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.PowerRange;
import io.voltstream.energy.plan.Plan;

/**
 * Follows the planner's plan in real time. The plan fixes a grid import per 15-minute slot; the
 * battery absorbs the difference between the actual and the forecast net load (so forecast errors
 * do not move the peak), except that it never charges from the grid or exports more than the plan
 * itself intended: the setpoint stays within [min(net load, planned battery power), max(net load,
 * planned battery power)] around the import-tracking value. A market position for the slot ({@link
 * DispatchContext#marketPositionW()}) shifts the import target, and that range, by the committed
 * exchange, so a sale is delivered while the plan is followed. Without a plan covering the moment
 * it has no opinion.
 */
public record PlanTracking() implements DispatchStrategy {
  public static final String NAME = "plan";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome apply(DispatchContext ctx, PowerRange allowed) {
    if (ctx.plan().isEmpty()) {
      return Outcome.noOpinion(allowed);
    }
    Plan plan = ctx.plan().get();
    int slot = plan.slotAt(ctx.at());
    if (slot < 0) {
      return Outcome.noOpinion(allowed);
    }
    double targetImportW = plan.gridImportW().get(slot);
    // The market position moves the committed exchange on top of the plan's: a sale is delivered by
    // the battery (more discharge), a purchase covers load the battery would have covered; both
    // the tracking value and the range the plan justifies shift with it (0 W: the plan alone).
    double positionW = ctx.marketPositionW();
    double plannedBatteryW = plan.batteryPowerW().get(slot) - positionW;
    double net = ctx.netLoadW() - positionW;
    double tracking = net - targetImportW;
    double setpoint =
        Math.max(
            Math.min(net, plannedBatteryW), Math.min(Math.max(net, plannedBatteryW), tracking));
    String market =
        positionW == 0
            ? ""
            : String.format(
                ", market position %.2f kWh (%.0f W)", ctx.marketPositionKwh(), positionW);
    return Outcome.setpoint(
        setpoint,
        String.format(
            "plan of %s: import target %.0f W (planned battery %.0f W)%s",
            plan.start(), targetImportW, plannedBatteryW + positionW, market));
  }
}
