package io.voltstream.sim.device.iot;

import java.time.Duration;
import java.time.Instant;

/**
 * A heat pump holding its room at a setpoint: its electrical load grows with the gap between
 * setpoint and outdoor air (the building's losses, heating or cooling) plus a recovery term while
 * the room is away from the setpoint, and is capped at the rated power. Running, it never drops
 * below a minimum modulation (fans and compressor at their lowest); off, it draws nothing. A lower
 * heating setpoint therefore lowers the load: that is how it is curtailed.
 */
public final class HvacModel implements PowerModel {
  /** Load fraction per kelvin between setpoint and outdoor air. */
  static final double LOSS_FRACTION_PER_K = 0.04;

  /** Load fraction per kelvin the room is away from its setpoint (recovery). */
  static final double RECOVERY_FRACTION_PER_K = 0.15;

  /** Lowest modulation while running. */
  static final double MIN_FRACTION = 0.12;

  private final double ratedPowerW;

  public HvacModel(double ratedPowerW) {
    this.ratedPowerW = ratedPowerW;
  }

  @Override
  public double stepW(Instant from, Duration step, boolean on, Double setpoint, Surroundings s) {
    return on ? ratedPowerW * loadFraction(setpoint, s) : 0.0;
  }

  /** Fraction of the rated power drawn when running at {@code setpointC} [0..1]. */
  static double loadFraction(Double setpointC, Surroundings s) {
    double sp = setpointC == null ? 21.0 : setpointC;
    boolean heating = s.outdoorTemperatureC() < sp;
    double envelope = Math.abs(sp - s.outdoorTemperatureC());
    double recovery =
        heating
            ? Math.max(0, sp - s.indoorTemperatureC())
            : Math.max(0, s.indoorTemperatureC() - sp);
    double fraction = LOSS_FRACTION_PER_K * envelope + RECOVERY_FRACTION_PER_K * recovery;
    return Math.max(MIN_FRACTION, Math.min(1.0, fraction));
  }
}
