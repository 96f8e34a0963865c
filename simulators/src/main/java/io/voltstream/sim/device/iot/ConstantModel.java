package io.voltstream.sim.device.iot;

import java.time.Duration;
import java.time.Instant;

/**
 * A device drawing a fixed share of its rated power while on (a ventilation fan at its set speed),
 * nothing while off.
 */
public final class ConstantModel implements PowerModel {
  private final double powerW;

  public ConstantModel(double powerW) {
    this.powerW = powerW;
  }

  @Override
  public double stepW(Instant from, Duration step, boolean on, Double setpoint, Surroundings s) {
    return on ? powerW : 0.0;
  }
}
