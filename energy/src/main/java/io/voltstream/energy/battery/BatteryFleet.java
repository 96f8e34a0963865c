package io.voltstream.energy.battery;

import java.time.Duration;
import java.util.List;

/**
 * Several batteries of one building seen as one: building-level dispatch decides one setpoint,
 * {@link #split} shares it among the batteries in proportion to what each can still do in that
 * direction, so that they reach their bounds together.
 */
public final class BatteryFleet {
  private BatteryFleet() {}

  /** Capacity-weighted SoC of the fleet [%]. */
  public static double socPercent(List<BatterySpec> specs, double[] socPercent) {
    double stored = 0;
    double capacity = 0;
    for (int i = 0; i < specs.size(); i++) {
      stored += specs.get(i).storedKwh(socPercent[i]);
      capacity += specs.get(i).capacityKwh();
    }
    return stored / capacity * 100.0;
  }

  /**
   * The fleet's power range for the next step: the sum of each battery's range above {@code floor}.
   */
  public static PowerRange limits(
      List<BatterySpec> specs, double[] socPercent, Duration step, boolean aboveReserve) {
    double min = 0;
    double max = 0;
    for (int i = 0; i < specs.size(); i++) {
      BatterySpec s = specs.get(i);
      PowerRange r =
          BatteryPhysics.limits(
              s, socPercent[i], 100.0, step, aboveReserve ? s.reservePercent() : s.minSocPercent());
      min += r.minW();
      max += r.maxW();
    }
    return new PowerRange(min, max);
  }

  /**
   * Per-battery setpoints [W] that add up to {@code setpointW} where the batteries can deliver it.
   */
  public static double[] split(
      List<BatterySpec> specs, double[] socPercent, Duration step, double setpointW) {
    double[] out = new double[specs.size()];
    double[] headroom = new double[specs.size()];
    double total = 0;
    for (int i = 0; i < specs.size(); i++) {
      PowerRange r = BatteryPhysics.limits(specs.get(i), socPercent[i], step);
      headroom[i] = setpointW >= 0 ? r.maxW() : -r.minW();
      total += headroom[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = total <= 0 ? 0.0 : setpointW * headroom[i] / total;
    }
    return out;
  }
}
