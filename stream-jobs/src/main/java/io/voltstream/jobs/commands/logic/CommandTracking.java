package io.voltstream.jobs.commands.logic;

import io.voltstream.jobs.alerts.logic.AlertKinds;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandAck;
import io.voltstream.model.command.CommandState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of command tracking, free of Flink: a command is pending until its target answers; the
 * answer makes it applied or rejected; without an answer it becomes expired at {@code valid_until}
 * when that comes before the ack timeout, else timeout at {@code issued_at + ackTimeout}.
 */
public final class CommandTracking {
  public static final String COMMAND_REJECTED = "command_rejected";
  public static final String COMMAND_TIMEOUT = "command_timeout";
  public static final String COMMAND_EXPIRED = "command_expired";

  private CommandTracking() {}

  public static StatusChange pending(Command c) {
    return new StatusChange(c, CommandState.PENDING, null, c.issuedAt(), null);
  }

  /**
   * The status an acknowledgement gives: applied or rejected, with the latency issue → ack (never
   * negative).
   */
  public static StatusChange answered(Command c, CommandAck ack) {
    CommandState state =
        ack.status() == CommandAck.AckStatus.APPLIED ? CommandState.APPLIED : CommandState.REJECTED;
    long latencyMs = Math.max(0, Duration.between(c.issuedAt(), ack.timestamp()).toMillis());
    return new StatusChange(c, state, ack.reason(), ack.timestamp(), latencyMs);
  }

  /**
   * When an unanswered command is given up: the earlier of valid_until and issued_at + ackTimeout.
   */
  public static Instant deadline(Command c, Duration ackTimeout) {
    Instant timeout = c.issuedAt().plus(ackTimeout);
    return c.validUntil().isBefore(timeout) ? c.validUntil() : timeout;
  }

  /** The final status of a command nobody answered by its {@link #deadline}. */
  public static StatusChange unanswered(Command c, Duration ackTimeout) {
    Instant timeout = c.issuedAt().plus(ackTimeout);
    if (!c.validUntil().isAfter(timeout)) {
      return new StatusChange(
          c,
          CommandState.EXPIRED,
          "valid_until " + c.validUntil() + " passed without an acknowledgement",
          c.validUntil(),
          null);
    }
    return new StatusChange(
        c, CommandState.TIMEOUT, "no acknowledgement within " + ackTimeout, timeout, null);
  }

  /** The system event of a final status that needs attention: rejected, timeout or expired. */
  public static Optional<SystemEvent> event(StatusChange s) {
    String kind =
        switch (s.state()) {
          case REJECTED -> COMMAND_REJECTED;
          case TIMEOUT -> COMMAND_TIMEOUT;
          case EXPIRED -> COMMAND_EXPIRED;
          case PENDING, APPLIED -> null;
        };
    if (kind == null) {
      return Optional.empty();
    }
    Command c = s.command();
    String message =
        c.targetKind().name().toLowerCase(Locale.ROOT)
            + " "
            + c.target()
            + ": command "
            + c.commandId()
            + " "
            + s.state().name().toLowerCase(Locale.ROOT)
            + (s.reason() == null ? "" : " (" + s.reason() + ")");
    SystemEvent.Severity severity =
        s.state() == CommandState.EXPIRED
            ? SystemEvent.Severity.INFO
            : SystemEvent.Severity.WARNING;
    return Optional.of(
        new SystemEvent(
            AlertKinds.eventId(kind, c.commandId(), s.at()),
            s.at(),
            kind,
            severity,
            null,
            c.target(),
            message,
            null,
            null,
            c.building()));
  }
}
