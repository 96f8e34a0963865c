package io.voltstream.jobs.dispatch;

import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.jobs.dispatch.logic.BatteryDecision;

/**
 * Measurement {@code battery_dispatch}: one point per battery and decision; time = decision time.
 */
public final class DispatchPoints {
  private DispatchPoints() {}

  public static String batteryDispatch(BatteryDecision d) {
    var m = Schema.BATTERY_DISPATCH;
    return LinePoint.of(m)
        .tag(m.building, d.building())
        .tag(m.batteryId, d.batteryId())
        .tag(m.strategy, d.strategy())
        .field(m.setpointW, d.setpointW())
        .field(m.netLoadW, d.netLoadW())
        .field(m.socPercent, d.socPercent())
        .field(m.minW, d.minW())
        .field(m.maxW, d.maxW())
        .field(m.planW, d.planW())
        .field(m.reason, d.reason())
        .field(m.commandId, d.commandId())
        .time(d.at())
        .toLine();
  }
}
