package io.voltstream.model.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An instruction to a controllable device: switch on, switch off, or set a setpoint ({@code value},
 * in the device's unit, e.g. °C for HVAC, W for an EV charger), optionally only for {@code
 * duration_s} seconds, after which the device returns to what it did before (MQTT payload {@code
 * {"command_id","action","value","duration_s","valid_until","source"}}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceInstruction(Action action, Double value, Long durationS) {
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
    if (durationS != null && (durationS < 1 || durationS > 7 * 24 * 3600)) {
      throw new IllegalArgumentException("duration_s must be in [1, 604800], was " + durationS);
    }
  }

  /** An instruction without a duration. */
  public DeviceInstruction(Action action, Double value) {
    this(action, value, null);
  }

  /** How long the instruction holds, when limited. */
  public Optional<Duration> duration() {
    return durationS == null ? Optional.empty() : Optional.of(Duration.ofSeconds(durationS));
  }
}
