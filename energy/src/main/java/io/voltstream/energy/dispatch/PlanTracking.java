package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.PowerRange;
import io.voltstream.energy.plan.Plan;

/**
 * Follows the planner's plan in real time. The plan fixes a grid import per 15-minute slot; the
 * battery absorbs the difference between the actual and the forecast net load (so forecast errors
 * do not move the peak), except that it never charges from the grid or exports more than the plan
 * itself intended: the setpoint stays within [min(net load, planned battery power), max(net load,
 * planned battery power)] around the import-tracking value. Without a plan covering the moment it
 * has no opinion.
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
    double plannedBatteryW = plan.batteryPowerW().get(slot);
    double net = ctx.netLoadW();
    double tracking = net - targetImportW;
    double setpoint =
        Math.max(
            Math.min(net, plannedBatteryW), Math.min(Math.max(net, plannedBatteryW), tracking));
    return Outcome.setpoint(
        setpoint,
        String.format(
            "plan of %s: import target %.0f W (planned battery %.0f W)",
            plan.start(), targetImportW, plannedBatteryW));
  }
}
