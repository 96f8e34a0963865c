package io.voltstream.sim.device.iot;

import io.voltstream.sim.device.HourlyShape;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A bank of plug loads (fridge, computers, chargers, standby): a base load that follows the local
 * hour, as a fraction of the rated power. Curtailable: switched off it draws nothing and nothing is
 * caught up later.
 */
public final class PlugLoadModel implements PowerModel {
  /** Share of the rated power in use per local hour. */
  static final HourlyShape SHARE =
      new HourlyShape(
          new double[] {
            0.35, 0.3, 0.3, 0.3, 0.3, 0.3, 0.45, 0.7, 0.8, 0.8, 0.8, 0.8, 0.85, 0.8, 0.8, 0.8, 0.8,
            0.75, 0.85, 0.9, 0.85, 0.7, 0.55, 0.4
          },
          new double[] {
            0.35, 0.3, 0.3, 0.3, 0.3, 0.3, 0.35, 0.45, 0.65, 0.75, 0.75, 0.8, 0.85, 0.8, 0.75, 0.75,
            0.75, 0.8, 0.85, 0.9, 0.85, 0.7, 0.55, 0.4
          });

  private final double ratedPowerW;
  private final ZoneId zone;

  public PlugLoadModel(double ratedPowerW, ZoneId zone) {
    this.ratedPowerW = ratedPowerW;
    this.zone = zone;
  }

  @Override
  public double stepW(Instant from, Duration step, boolean on, Double setpoint, Surroundings s) {
    if (!on) {
      return 0.0;
    }
    Instant mid = from.plus(step.dividedBy(2));
    return ratedPowerW * SHARE.at(ZonedDateTime.ofInstant(mid, zone));
  }
}
