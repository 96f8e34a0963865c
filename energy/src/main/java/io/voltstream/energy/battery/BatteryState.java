package io.voltstream.energy.battery;

import static io.voltstream.energy.EnergyValidationException.requireFinite;
import static io.voltstream.energy.EnergyValidationException.requireInRange;

import java.time.Instant;
import java.util.Objects;

/**
 * What a battery reports: state of charge, current AC power (positive = discharging) and state of
 * health, at an event time.
 */
public record BatteryState(
    String batteryId, Instant at, double socPercent, double powerW, double sohPercent) {
  public BatteryState {
    Objects.requireNonNull(batteryId, "battery_id");
    Objects.requireNonNull(at, "at");
    requireInRange("soc_percent", socPercent, 0.0, 100.0);
    requireFinite("power_w", powerW);
    requireInRange("soh_percent", sohPercent, 0.0, 100.0);
  }
}
