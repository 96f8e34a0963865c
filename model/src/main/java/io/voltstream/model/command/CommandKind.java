package io.voltstream.model.command;

/** Which payload a {@link Command} carries. */
public enum CommandKind {
  /** {@link BatterySetpoint}: charge, discharge, idle or auto at a power. */
  BATTERY_SETPOINT,
  /** {@link DeviceInstruction}: on, off or a setpoint. */
  DEVICE_INSTRUCTION
}
