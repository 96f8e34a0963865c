package io.voltstream.sim.device.climate;

import java.time.Duration;

/**
 * Temperature and relative humidity of a heated room as first-order lags toward a target: the
 * temperature drifts toward the setpoint pulled by outdoor air and body heat, humidity toward a
 * level raised by occupants (and showers). The random-walk part is added by the caller, which owns
 * the seeded random state.
 */
public final class IndoorClimate {
  static final Duration TEMPERATURE_TIME_CONSTANT = Duration.ofHours(2);
  static final Duration HUMIDITY_TIME_CONSTANT = Duration.ofMinutes(45);

  /** How much of the gap between outdoor air and setpoint the room keeps (heat loss). */
  static final double OUTDOOR_INFLUENCE = 0.12;

  static final double HEAT_PER_OCCUPANT_C = 0.3;

  /** Without heating, a house sits a few degrees above outdoor air (sun, appliances). */
  static final double FREE_RUNNING_GAIN_C = 3.0;

  static final double FREE_RUNNING_WEIGHT = 0.7;

  private IndoorClimate() {}

  /**
   * The temperature the room settles at for the given conditions [°C]: heated toward the setpoint
   * in cold weather, floating above it (with solar and internal gains) in warm weather, plus body
   * heat.
   */
  public static double equilibriumTemperatureC(double setpointC, double outdoorC, int occupants) {
    double heated = setpointC + OUTDOOR_INFLUENCE * (outdoorC - setpointC);
    double freeRunning =
        FREE_RUNNING_WEIGHT * (outdoorC + FREE_RUNNING_GAIN_C)
            + (1 - FREE_RUNNING_WEIGHT) * setpointC;
    return Math.max(heated, freeRunning) + HEAT_PER_OCCUPANT_C * occupants;
  }

  /** The relative humidity the room settles at [%]. */
  public static double equilibriumHumidityPercent(
      double temperatureC, int occupants, boolean showering) {
    double base = showering ? 78.0 : 42.0 + 3.5 * Math.min(occupants, 4);
    // Warmer air holds more water: the same moisture reads as lower relative humidity.
    return clamp(base - 1.5 * (temperatureC - 21.0), 20.0, 95.0);
  }

  public static double stepTemperatureC(double currentC, double equilibriumC, Duration step) {
    return relax(currentC, equilibriumC, step, TEMPERATURE_TIME_CONSTANT);
  }

  public static double stepHumidityPercent(
      double currentPercent, double equilibriumPercent, Duration step) {
    return clamp(
        relax(currentPercent, equilibriumPercent, step, HUMIDITY_TIME_CONSTANT), 5.0, 100.0);
  }

  static double relax(double current, double target, Duration step, Duration timeConstant) {
    double decay = Math.exp(-(double) step.toMillis() / timeConstant.toMillis());
    return target + (current - target) * decay;
  }

  static double clamp(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }
}
