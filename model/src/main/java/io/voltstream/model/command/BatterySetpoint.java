package io.voltstream.model.command;

import java.util.Objects;

/**
 * A battery setpoint: the mode and the AC power magnitude. {@code powerW} is never negative; the
 * direction is the mode (design §3: telemetry {@code power_w} is + charging, − discharging).
 *
 * @param mode charge, discharge, idle or auto
 * @param powerW power magnitude [W], ≥ 0; 0 for idle and auto
 */
public record BatterySetpoint(BatteryMode mode, double powerW) {
  public BatterySetpoint {
    Objects.requireNonNull(mode, "mode");
    if (!Double.isFinite(powerW) || powerW < 0) {
      throw new IllegalArgumentException("power_w must be a finite number >= 0, was " + powerW);
    }
  }

  /**
   * The setpoint for a signed power in the telemetry convention (+ charging, − discharging); 0 is
   * idle.
   */
  public static BatterySetpoint ofSignedPowerW(double chargingPowerW) {
    if (chargingPowerW > 0) {
      return new BatterySetpoint(BatteryMode.CHARGE, chargingPowerW);
    }
    if (chargingPowerW < 0) {
      return new BatterySetpoint(BatteryMode.DISCHARGE, -chargingPowerW);
    }
    return new BatterySetpoint(BatteryMode.IDLE, 0);
  }

  /** The power in the telemetry convention: + charging, − discharging, 0 for idle/auto. */
  public double signedPowerW() {
    return switch (mode) {
      case CHARGE -> powerW;
      case DISCHARGE -> -powerW;
      case IDLE, AUTO -> 0;
    };
  }
}
