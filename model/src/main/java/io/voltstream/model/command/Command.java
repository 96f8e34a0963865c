package io.voltstream.model.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A command to a battery or a device: the record of Kafka {@code commands} (key = {@link #target}),
 * the log of record of everything Voltstream asked a device to do (design §8). The command bridge
 * publishes it to the target's MQTT command topic; the command-status job joins it with the
 * acknowledgement by {@link #commandId}.
 *
 * <p>Exactly one payload is set, matching {@link #kind}: {@link #battery} for {@link
 * CommandKind#BATTERY_SETPOINT}, {@link #device} for {@link CommandKind#DEVICE_INSTRUCTION}.
 *
 * @param commandId unique id (UUID or a deterministic id for dispatch decisions)
 * @param targetKind battery or device
 * @param target the battery or device id
 * @param building the target's building, when known (for scoping and per-building views)
 * @param kind which payload is set
 * @param battery the battery setpoint, for {@link CommandKind#BATTERY_SETPOINT}
 * @param device the device instruction, for {@link CommandKind#DEVICE_INSTRUCTION}
 * @param issuedAt when it was issued (event time of the decision or the API request)
 * @param validUntil after this instant the target must not apply it and falls back to its safe mode
 * @param source who issued it
 * @param issuedBy token subject for manual commands, the strategy or rule for automatic ones
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Command(
    String commandId,
    TargetKind targetKind,
    String target,
    String building,
    CommandKind kind,
    BatterySetpoint battery,
    DeviceInstruction device,
    Instant issuedAt,
    Instant validUntil,
    CommandSource source,
    String issuedBy) {

  public Command {
    Objects.requireNonNull(commandId, "command_id");
    Objects.requireNonNull(targetKind, "target_kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(issuedAt, "issued_at");
    Objects.requireNonNull(validUntil, "valid_until");
    Objects.requireNonNull(source, "source");
    if ((kind == CommandKind.BATTERY_SETPOINT) != (battery != null)
        || (kind == CommandKind.DEVICE_INSTRUCTION) != (device != null)) {
      throw new IllegalArgumentException(
          "command " + commandId + ": payload does not match kind " + kind);
    }
    if (!validUntil.isAfter(issuedAt)) {
      throw new IllegalArgumentException(
          "command " + commandId + ": valid_until must be after issued_at");
    }
  }

  /** A battery setpoint command. */
  public static Command battery(
      String commandId,
      String batteryId,
      String building,
      BatterySetpoint setpoint,
      Instant issuedAt,
      Duration validFor,
      CommandSource source,
      String issuedBy) {
    return new Command(
        commandId,
        TargetKind.BATTERY,
        batteryId,
        building,
        CommandKind.BATTERY_SETPOINT,
        setpoint,
        null,
        issuedAt,
        issuedAt.plus(validFor),
        source,
        issuedBy);
  }

  /** A device instruction command. */
  public static Command device(
      String commandId,
      String deviceId,
      String building,
      DeviceInstruction instruction,
      Instant issuedAt,
      Duration validFor,
      CommandSource source,
      String issuedBy) {
    return new Command(
        commandId,
        TargetKind.DEVICE,
        deviceId,
        building,
        CommandKind.DEVICE_INSTRUCTION,
        null,
        instruction,
        issuedAt,
        issuedAt.plus(validFor),
        source,
        issuedBy);
  }

  /** Whether the command may still be applied at {@code now}. */
  public boolean isValidAt(Instant now) {
    return now.isBefore(validUntil);
  }

  /** The MQTT topic the bridge publishes this command to (design §3). */
  public String mqttTopic() {
    return targetKind.commandTopic(target);
  }
}
