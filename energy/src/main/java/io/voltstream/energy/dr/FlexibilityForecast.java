package io.voltstream.energy.dr;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.FlexibilityKind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The downward flexibility a building can hold, on average, through a DR event window — computed
 * only from what is known when the invitation arrives (energy/README.md, "Demand response"):
 *
 * <ul>
 *   <li><b>Batteries</b>: the AC energy above the reserve at the current SoC (nothing assumed
 *       charged before the start), spread over the window, at most the discharge rating.
 *   <li><b>Loads</b>: each controllable, DR-enabled curtailable or shiftable device's current
 *       power, times the share of the window its comfort limit allows it to stay off.
 *   <li>When a building consumption forecast covers the window, the loads cannot be reduced by more
 *       than the forecast mean consumption there: the load part is capped at it ({@link
 *       #loadSource()} says whether the cap applied).
 * </ul>
 *
 * @param batteryKw battery part [kW]
 * @param loadsKw load part [kW], after the forecast cap
 * @param loadSource {@link #CURRENT_POWER}, or {@link #CAPPED_BY_FORECAST} when the building's
 *     consumption forecast capped the loads
 */
public record FlexibilityForecast(double batteryKw, double loadsKw, String loadSource) {
  public static final String CURRENT_POWER = "current_power";
  public static final String CAPPED_BY_FORECAST = "capped_by_consumption_forecast";

  /**
   * A battery as the forecast sees it.
   *
   * @param spec its registry spec
   * @param socPercent its latest reported state of charge [%]
   */
  public record BatteryAvailability(BatterySpec spec, double socPercent) {}

  /**
   * A device with its current metered power.
   *
   * @param spec its registry spec
   * @param powerW current consumption [W] (negative values count as 0)
   */
  public record DeviceLoad(DeviceSpec spec, double powerW) {}

  /** Total downward flexibility held over the window [kW]. */
  public double totalKw() {
    return batteryKw + loadsKw;
  }

  /**
   * The forecast for a window of length {@code duration}; {@code consumptionForecastKw} = the
   * building's forecast mean consumption over the window [kW], empty when no forecast covers it.
   */
  public static FlexibilityForecast forWindow(
      Duration duration,
      List<BatteryAvailability> batteries,
      List<DeviceLoad> devices,
      OptionalDouble consumptionForecastKw) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive, was " + duration);
    }
    double hours = duration.toSeconds() / 3600.0;
    double batteryKw = 0;
    for (BatteryAvailability b : batteries) {
      batteryKw += batteryKw(b, hours);
    }
    double loadsKw = 0;
    for (DeviceLoad d : devices) {
      loadsKw += deviceKw(d, duration);
    }
    String source = CURRENT_POWER;
    if (consumptionForecastKw.isPresent() && loadsKw > consumptionForecastKw.getAsDouble()) {
      loadsKw = Math.max(0, consumptionForecastKw.getAsDouble());
      source = CAPPED_BY_FORECAST;
    }
    return new FlexibilityForecast(batteryKw, loadsKw, source);
  }

  /** Mean discharge a battery can hold over {@code hours} from its current SoC [kW]. */
  static double batteryKw(BatteryAvailability b, double hours) {
    BatterySpec s = b.spec();
    double aboveReservePercent = Math.max(0, b.socPercent() - s.reservePercent());
    double acKwh = s.capacityKwh() * aboveReservePercent / 100.0 * s.dischargeEfficiency();
    return Math.min(s.maxDischargeW() / 1000.0, acKwh / hours);
  }

  /**
   * Mean reduction a device can hold over the window [kW]: 0 unless controllable, DR-enabled and
   * curtailable or shiftable; else its power for the part of the window its comfort limit allows.
   */
  static double deviceKw(DeviceLoad d, Duration window) {
    DeviceSpec s = d.spec();
    if (!s.controllable() || !s.drEnabled() || s.flexibility() == FlexibilityKind.NONE) {
      return 0;
    }
    double share =
        Math.min(1.0, (double) s.curtailmentLimit().toSeconds() / (double) window.toSeconds());
    return Math.max(0, d.powerW()) / 1000.0 * share;
  }

  /** E.g. {@code 4.20 kW (battery 3.00 kW + loads 1.20 kW, current_power)}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%.2f kW (battery %.2f kW + loads %.2f kW, %s)",
        totalKw(),
        batteryKw,
        loadsKw,
        loadSource);
  }
}
