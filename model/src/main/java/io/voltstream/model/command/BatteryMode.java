package io.voltstream.model.command;

/**
 * What a battery is asked to do (design §3). {@code AUTO} hands control to the battery's own
 * controller; {@code IDLE} (0 W) is also the safe mode a battery falls back to when its last
 * command expired.
 */
public enum BatteryMode {
  CHARGE,
  DISCHARGE,
  IDLE,
  AUTO
}
