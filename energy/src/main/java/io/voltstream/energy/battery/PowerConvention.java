package io.voltstream.energy.battery;

/**
 * The one conversion between the two battery power sign conventions. The device contract,
 * telemetry, API, Kafka and InfluxDB use <b>+ charging, − discharging</b>; this module (as OpenEMS)
 * uses <b>+ discharging</b>. Adapters convert here and nowhere else.
 */
public final class PowerConvention {
  private PowerConvention() {}

  /** Device/telemetry power (+ charging) → energy-module power (+ discharging). */
  public static double deviceToEnergyW(double chargingPositiveW) {
    return chargingPositiveW == 0 ? 0 : -chargingPositiveW;
  }

  /** Energy-module power (+ discharging) → device/telemetry power (+ charging). */
  public static double energyToDeviceW(double dischargingPositiveW) {
    return dischargingPositiveW == 0 ? 0 : -dischargingPositiveW;
  }
}
