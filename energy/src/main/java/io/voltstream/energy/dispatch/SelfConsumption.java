package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.PowerRange;

/**
 * Self-consumption (OpenEMS "balancing"): drive grid exchange to zero by discharging to cover the
 * net load and charging from the PV surplus; the setpoint is the net load, within the allowed
 * range.
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
    String reason =
        net >= 0
            ? String.format("covering net load %.0f W", net)
            : String.format("storing PV surplus %.0f W", -net);
    return Outcome.setpoint(net, reason);
  }
}
