package io.voltstream.jobs.commands.logic;

import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandState;
import io.voltstream.model.command.CommandStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One status of a command as the tracking operator emits it. It carries the latency as whole
 * milliseconds (not a {@link Duration}) so that Flink serialises it as a POJO; {@link #toStatus()}
 * gives the {@link CommandStatus} of the contract.
 *
 * @param command the command
 * @param state its new state
 * @param reason the target's reason, or why it expired / timed out; null for pending and applied
 *     without note
 * @param at event time of this status
 * @param ackLatencyMs issue → acknowledgement [ms], for applied and rejected; else null
 */
public record StatusChange(
    Command command, CommandState state, String reason, Instant at, Long ackLatencyMs) {

  public CommandStatus toStatus() {
    return CommandStatus.of(
        command, state, reason, at, ackLatencyMs == null ? null : Duration.ofMillis(ackLatencyMs));
  }
}
