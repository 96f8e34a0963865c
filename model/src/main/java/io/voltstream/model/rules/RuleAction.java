package io.voltstream.model.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voltstream.energy.EnergyValidationException;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.DeviceInstruction;

/**
 * What a rule does when it fires. Every firing is an event; {@code kind} adds a command: a device
 * instruction ({@code target} = device id, {@code device}), a battery setpoint ({@code target} =
 * battery id, {@code battery}), or nothing more ({@code event}).
 *
 * @param kind device_instruction, battery_command or event
 * @param target device or battery id (not for event)
 * @param device the instruction (device_instruction)
 * @param battery the setpoint (battery_command)
 * @param message text of the firing's event, optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleAction(
    Kind kind, String target, DeviceInstruction device, BatterySetpoint battery, String message) {

  public enum Kind {
    DEVICE_INSTRUCTION,
    BATTERY_COMMAND,
    EVENT
  }

  public RuleAction {
    if (kind == null) {
      throw new EnergyValidationException("kind", "is required");
    }
    switch (kind) {
      case DEVICE_INSTRUCTION -> {
        if (target == null || device == null) {
          throw new EnergyValidationException(
              target == null ? "target" : "device", "is required for device_instruction");
        }
      }
      case BATTERY_COMMAND -> {
        if (target == null || battery == null) {
          throw new EnergyValidationException(
              target == null ? "target" : "battery", "is required for battery_command");
        }
      }
      case EVENT -> {
        if (device != null || battery != null) {
          throw new EnergyValidationException("kind", "an event action carries no command");
        }
      }
    }
  }
}
