package io.voltstream.energy.device;

/**
 * What a device accepts (registry {@code control_capabilities}): {@code on_off} (instructions
 * {@code on}/{@code off}), {@code setpoint} (instruction {@code setpoint} with a value in the
 * device's unit), {@code curtail} (DR may reduce or switch it off for a while), {@code shift} (DR
 * may defer its consumption).
 */
public enum ControlCapability {
  ON_OFF,
  SETPOINT,
  CURTAIL,
  SHIFT
}
