package io.voltstream.jobs.dr;

import io.voltstream.model.command.CommandKind;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.CommandState;
import io.voltstream.model.command.CommandStatus;
import io.voltstream.model.command.DeviceInstruction;

/**
 * What the DR job needs of a command status (a Flink POJO: {@link CommandStatus} holds a {@code
 * Duration}): whose command it was, its state and reason, and the setpoint of an applied device
 * instruction (what a setpoint-curtailed device is restored to).
 *
 * @param setpoint the value of a device {@code setpoint} instruction; null otherwise
 */
public record TargetStatus(
    String commandId,
    String target,
    CommandSource source,
    CommandState state,
    String reason,
    Double setpoint) {

  public static TargetStatus of(CommandStatus s) {
    Double setpoint =
        s.kind() == CommandKind.DEVICE_INSTRUCTION
                && s.device() != null
                && s.device().action() == DeviceInstruction.Action.SETPOINT
            ? s.device().value()
            : null;
    return new TargetStatus(s.commandId(), s.target(), s.source(), s.state(), s.reason(), setpoint);
  }

  /** A DR command the target refused or never answered: re-dispatch. */
  public boolean refusedDr() {
    return source == CommandSource.DR
        && (state == CommandState.REJECTED || state == CommandState.TIMEOUT);
  }

  /** A setpoint applied outside DR: the device's own setting to restore after an event. */
  public boolean appliedOwnSetpoint() {
    return source != CommandSource.DR && state == CommandState.APPLIED && setpoint != null;
  }
}
