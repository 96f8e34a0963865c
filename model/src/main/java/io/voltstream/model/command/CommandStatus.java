package io.voltstream.model.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A command's status as the command-status job emits it: to Kafka {@code command-status} (key =
 * command id, for the live feed and the API), InfluxDB {@code commands} and, for rejections and
 * timeouts, {@code events}.
 *
 * @param commandId the command
 * @param targetKind battery or device
 * @param target battery or device id
 * @param building the target's building, when the command named it
 * @param kind what was asked
 * @param source who asked
 * @param battery the setpoint, for battery commands
 * @param device the instruction, for device commands
 * @param state pending, applied, rejected, expired or timeout
 * @param reason the target's reason for a rejection, or why it expired / timed out
 * @param issuedAt when the command was issued
 * @param validUntil until when it may be applied
 * @param at event time of this status (the command's issue, the ack, or the deadline)
 * @param ackLatency issue → acknowledgement, for applied and rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandStatus(
    String commandId,
    TargetKind targetKind,
    String target,
    String building,
    CommandKind kind,
    CommandSource source,
    BatterySetpoint battery,
    DeviceInstruction device,
    CommandState state,
    String reason,
    Instant issuedAt,
    Instant validUntil,
    Instant at,
    Duration ackLatency) {

  public CommandStatus {
    Objects.requireNonNull(commandId, "command_id");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
  }

  /** The status of a command that was just issued. */
  public static CommandStatus pending(Command c) {
    return of(c, CommandState.PENDING, null, c.issuedAt(), null);
  }

  /** A status of {@code c}. */
  public static CommandStatus of(
      Command c, CommandState state, String reason, Instant at, Duration ackLatency) {
    return new CommandStatus(
        c.commandId(),
        c.targetKind(),
        c.target(),
        c.building(),
        c.kind(),
        c.source(),
        c.battery(),
        c.device(),
        state,
        reason,
        c.issuedAt(),
        c.validUntil(),
        at,
        ackLatency);
  }
}
