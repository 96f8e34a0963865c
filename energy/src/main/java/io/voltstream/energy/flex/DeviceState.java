package io.voltstream.energy.flex;

/** Whether a device is consuming, as its latest metered power says. */
public enum DeviceState {
  /**
   * Its power is above {@link io.voltstream.energy.device.DeviceSpec#ON_FRACTION} of its rated
   * power.
   */
  ON,
  /** Its power is at or below that (standby counts as off). */
  OFF,
  /** No fresh reading of its meter: its flexibility is not counted. */
  UNKNOWN
}
