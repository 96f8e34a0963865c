package io.voltstream.jobs.dispatch.logic;

/**
 * The one conversion between the two battery power conventions (PHASE2 contracts): the energy
 * module decides in <b>+ discharging</b> (OpenEMS style), while commands, telemetry, Kafka and
 * InfluxDB use <b>+ charging</b>. Every crossing in the dispatch job goes through here.
 */
public final class PowerSign {
  private PowerSign() {}

  /** Energy-module power (+ discharging) → device convention (+ charging). */
  public static double toChargingW(double dischargingW) {
    return dischargingW == 0.0 ? 0.0 : -dischargingW;
  }

  /** Device convention (+ charging) → energy-module power (+ discharging). */
  public static double toDischargingW(double chargingW) {
    return chargingW == 0.0 ? 0.0 : -chargingW;
  }
}
