package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.PowerRange;

/**
 * Self-consumption (OpenEMS "balancing"): drive grid exchange to the building's market position —
 * zero without trades — by discharging to cover the net load and charging from the PV surplus; the
 * setpoint is net load − {@link DispatchContext#marketPositionW()}, within the allowed range.
 *
 * <p>With trades in the current slot the committed exchange replaces 0: a building that sold
 * discharges that much more (it delivers the sale from its battery instead of letting the grid
 * deviation be charged at the import price), a building that bought lets the purchase cover that
 * part of its load instead of its battery.
 */
public record SelfConsumption() implements DispatchStrategy {
  public static final String NAME = "self_consumption";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome apply(DispatchContext ctx, PowerRange allowed) {
    double net = ctx.netLoadW();
    double positionW = ctx.marketPositionW();
    double setpointW = net - positionW;
    String reason =
        setpointW >= 0
            ? String.format("covering net load %.0f W", setpointW)
            : String.format("storing PV surplus %.0f W", -setpointW);
    if (ctx.marketPositionKwh() < 0) {
      reason =
          String.format(
              "delivering %.2f kWh sold in the market (%.0f W) on top of net load %.0f W",
              -ctx.marketPositionKwh(), -positionW, net);
    } else if (ctx.marketPositionKwh() > 0) {
      reason =
          String.format(
              "%.2f kWh bought in the market cover %.0f W of net load %.0f W; %s",
              ctx.marketPositionKwh(), positionW, net, reason);
    }
    return Outcome.setpoint(setpointW, reason);
  }
}
