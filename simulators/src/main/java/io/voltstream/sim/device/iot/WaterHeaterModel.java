package io.voltstream.sim.device.iot;

import io.voltstream.sim.device.HourlyShape;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * An electric hot-water tank under thermostat control, tracked as its heat deficit: hot-water draws
 * (showers in the morning and evening) and standing losses raise the deficit; the element switches
 * on at the rated power when the deficit reaches {@link #START_DEFICIT_KWH} and off when the tank
 * is full again (duty cycle). Switched off, it keeps losing heat and the deficit grows (up to a
 * cold tank); switched on again it recovers at full power until the tank is full: the energy is
 * shifted, not saved.
 */
public final class WaterHeaterModel implements PowerModel {
  /** The thermostat's lower band: heating starts at this deficit [kWh]. */
  static final double START_DEFICIT_KWH = 0.6;

  /** A fully cold tank [kWh] (200 l from 60 °C to 15 °C is about 10.5 kWh). */
  static final double MAX_DEFICIT_KWH = 10.0;

  /** Standing losses [kW]. */
  static final double LOSS_KW = 0.06;

  /** Hot-water draw per local hour [kW of heat]. */
  static final HourlyShape DRAW_KW =
      new HourlyShape(
          new double[] {
            0, 0, 0, 0, 0, 0.1, 1.2, 1.6, 0.6, 0.1, 0.1, 0.1, 0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5,
            0.6, 0.9, 0.8, 0.3, 0.1
          },
          new double[] {
            0, 0, 0, 0, 0, 0, 0.1, 0.5, 1.2, 1.4, 0.8, 0.3, 0.3, 0.2, 0.1, 0.1, 0.2, 0.3, 0.5, 0.6,
            0.9, 0.8, 0.3, 0.1
          });

  private final double ratedPowerW;
  private final ZoneId zone;
  private double deficitKwh;
  private boolean heating;

  /** Starts with the tank {@code initialDeficitKwh} below full. */
  public WaterHeaterModel(double ratedPowerW, ZoneId zone, double initialDeficitKwh) {
    this.ratedPowerW = ratedPowerW;
    this.zone = zone;
    this.deficitKwh = Math.max(0, Math.min(MAX_DEFICIT_KWH, initialDeficitKwh));
  }

  @Override
  public double stepW(Instant from, Duration step, boolean on, Double setpoint, Surroundings s) {
    double hours = step.toNanos() / 3.6e12;
    Instant mid = from.plus(step.dividedBy(2));
    double drawKw = DRAW_KW.at(ZonedDateTime.ofInstant(mid, zone)) + LOSS_KW;
    if (!heating && deficitKwh >= START_DEFICIT_KWH) {
      heating = true;
    }
    double powerW = 0.0;
    if (on && heating && hours > 0) {
      // heat only as long as needed to fill the tank within the step
      double needKwh = deficitKwh + drawKw * hours;
      double heatKwh = Math.min(ratedPowerW / 1000.0 * hours, needKwh);
      powerW = heatKwh / hours * 1000.0;
    }
    deficitKwh =
        Math.max(0, Math.min(MAX_DEFICIT_KWH, deficitKwh + (drawKw - powerW / 1000.0) * hours));
    if (deficitKwh <= 1e-9) {
      heating = false;
    }
    return powerW;
  }

  /** Energy still needed to fill the tank [kWh]. */
  public double deficitKwh() {
    return deficitKwh;
  }
}
