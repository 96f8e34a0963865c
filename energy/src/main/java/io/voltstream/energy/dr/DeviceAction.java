package io.voltstream.energy.dr;

/** What a DR step tells a device (the device instruction's {@code action}). */
public enum DeviceAction {
  ON,
  OFF,
  SETPOINT
}
