package io.voltstream.sim.device.iot;

/**
 * What a device's surroundings are at a moment; the building simulation supplies them (HVAC power
 * depends on them).
 *
 * @param indoorTemperatureC the device's room temperature [°C]
 * @param outdoorTemperatureC outdoor air temperature [°C]
 */
public record Surroundings(double indoorTemperatureC, double outdoorTemperatureC) {
  /** Mild surroundings, for devices whose power does not depend on temperature. */
  public static final Surroundings MILD = new Surroundings(20.0, 12.0);
}
