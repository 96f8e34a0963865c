package io.voltstream.model.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An instruction to a controllable device (issue 9 builds on this): switch on, switch off, or set a
 * setpoint ({@code value}, in the device's unit, e.g. °C for HVAC, W for an EV charger).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceInstruction(Action action, Double value) {
  public enum Action {
    ON,
    OFF,
    SETPOINT
  }

  public DeviceInstruction {
    Objects.requireNonNull(action, "action");
    if (action == Action.SETPOINT && (value == null || !Double.isFinite(value))) {
      throw new IllegalArgumentException("value is required and finite for action setpoint");
    }
  }
}
