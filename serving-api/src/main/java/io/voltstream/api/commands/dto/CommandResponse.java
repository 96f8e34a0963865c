package io.voltstream.api.commands.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voltstream.model.command.CommandStatus;
import java.time.Instant;
import java.util.Locale;

/**
 * A command's latest status as {@code GET /api/v1/commands/{id}} answers it (enum values lower
 * case, as on the wire of design §3).
 *
 * @param status pending, applied, rejected, expired or timeout
 * @param mode the battery mode asked for (charge, discharge, idle, auto), when a battery command
 * @param powerW the setpoint's power magnitude [W], when a battery command
 * @param action on, off or setpoint, when a device instruction
 * @param value the setpoint in the device's unit, when a device setpoint
 * @param durationS how long a device instruction holds, when limited
 * @param at when this status was reached
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResponse(
    String commandId,
    String status,
    String targetKind,
    String target,
    String building,
    String source,
    String mode,
    Double powerW,
    String action,
    Double value,
    Long durationS,
    String reason,
    Instant issuedAt,
    Instant validUntil,
    Instant at,
    Long ackLatencyMs) {

  public static CommandResponse from(CommandStatus s) {
    return new CommandResponse(
        s.commandId(),
        lower(s.state()),
        lower(s.targetKind()),
        s.target(),
        s.building(),
        lower(s.source()),
        s.battery() == null ? null : lower(s.battery().mode()),
        s.battery() == null ? null : s.battery().powerW(),
        s.device() == null ? null : lower(s.device().action()),
        s.device() == null ? null : s.device().value(),
        s.device() == null ? null : s.device().durationS(),
        s.reason(),
        s.issuedAt(),
        s.validUntil(),
        s.at(),
        s.ackLatency() == null ? null : s.ackLatency().toMillis());
  }

  private static String lower(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT);
  }
}
