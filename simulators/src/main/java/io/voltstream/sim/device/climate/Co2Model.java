package io.voltstream.sim.device.climate;

import java.time.Duration;

/**
 * Indoor CO2 as a single well-mixed zone: occupants exhale, ventilation pulls the concentration
 * back toward outdoor air. dC/dt = G·n/V − λ·(C − C_out), solved exactly for a step with constant
 * occupancy, so any step length (time acceleration) stays stable.
 */
public final class Co2Model {
  /** Outdoor background concentration [ppm]. */
  public static final double OUTDOOR_PPM = 420.0;

  /** CO2 exhaled by a seated adult [m³/s] (about 0.0052 L/s). */
  static final double GENERATION_M3_PER_S_PER_PERSON = 5.2e-6;

  private Co2Model() {}

  /** Steady-state concentration for a head count [ppm]. */
  public static double steadyStatePpm(int occupants, double volumeM3, double airChangesPerHour) {
    double lambdaPerS = airChangesPerHour / 3600.0;
    double sourcePpmPerS = occupants * GENERATION_M3_PER_S_PER_PERSON / volumeM3 * 1e6;
    return OUTDOOR_PPM + sourcePpmPerS / lambdaPerS;
  }

  /** Concentration after {@code step} with {@code occupants} present throughout [ppm]. */
  public static double step(
      double currentPpm, int occupants, double volumeM3, double airChangesPerHour, Duration step) {
    double lambdaPerS = airChangesPerHour / 3600.0;
    double target = steadyStatePpm(occupants, volumeM3, airChangesPerHour);
    double decay = Math.exp(-lambdaPerS * step.toMillis() / 1000.0);
    return target + (currentPpm - target) * decay;
  }
}
