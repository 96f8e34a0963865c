package io.voltstream.energy.device;

import java.time.Duration;

/**
 * Kinds of controllable device (issue 9). Each has a default comfort limit: how long it may stay
 * curtailed or deferred before comfort or the user's need suffers (a device may set its own).
 */
public enum DeviceType {
  HVAC(Duration.ofMinutes(30)),
  VENTILATION(Duration.ofMinutes(20)),
  WATER_HEATER(Duration.ofHours(2)),
  EV_CHARGER(Duration.ofHours(4)),
  PLUG_LOAD(Duration.ofHours(1)),
  LIGHTING(Duration.ofMinutes(15)),
  OTHER(Duration.ofMinutes(30));

  private final Duration defaultCurtailmentLimit;

  DeviceType(Duration defaultCurtailmentLimit) {
    this.defaultCurtailmentLimit = defaultCurtailmentLimit;
  }

  /** How long a device of this type may be curtailed or deferred when it does not say. */
  public Duration defaultCurtailmentLimit() {
    return defaultCurtailmentLimit;
  }
}
