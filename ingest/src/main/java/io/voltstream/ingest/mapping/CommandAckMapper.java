package io.voltstream.ingest.mapping;

import static io.voltstream.ingest.mapping.JsonFields.abbreviate;
import static io.voltstream.ingest.mapping.JsonFields.present;
import static io.voltstream.ingest.mapping.JsonFields.required;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.EntityId;
import io.voltstream.model.command.CommandAck;
import io.voltstream.model.command.TargetKind;
import java.time.Instant;

/**
 * Validates an acknowledgement of design §3 ({@code batteries/{id}/acks}, {@code
 * devices/{id}/acks}) into a {@link CommandAck}: {@code command_id} required (the id rule, which
 * UUIDs satisfy), {@code status} {@code applied|rejected}, {@code reason} an optional string of at
 * most {@link #MAX_REASON_CHARS}, {@code timestamp} optional (the arrival time when absent, else
 * the timestamp rule of readings).
 */
final class CommandAckMapper {
  static final int MAX_REASON_CHARS = 500;

  private CommandAckMapper() {}

  static CommandAck map(JsonNode node, TargetKind kind, String target, Instant receivedAt) {
    JsonNode id = required(node, "command_id");
    if (!id.isTextual() || !EntityId.isValid(id.textValue())) {
      throw new Invalid(
          RejectionReason.INVALID_COMMAND_ID,
          "command_id",
          "command_id " + EntityId.RULE + ", got " + abbreviate(id));
    }
    JsonNode status = required(node, "status");
    CommandAck.AckStatus ackStatus =
        switch (status.isTextual() ? status.textValue() : "") {
          case "applied" -> CommandAck.AckStatus.APPLIED;
          case "rejected" -> CommandAck.AckStatus.REJECTED;
          default ->
              throw new Invalid(
                  RejectionReason.INVALID_STATUS,
                  "status",
                  "status must be applied or rejected, got " + abbreviate(status));
        };
    JsonNode reason = present(node, "reason");
    if (reason != null && (!reason.isTextual() || reason.textValue().length() > MAX_REASON_CHARS)) {
      throw new Invalid(
          RejectionReason.INVALID_VALUE,
          "reason",
          "reason must be a string of at most " + MAX_REASON_CHARS + " characters");
    }
    Instant timestamp =
        present(node, "timestamp") == null ? receivedAt : JsonFields.timestamp(node, receivedAt);
    return new CommandAck(
        id.textValue(),
        kind,
        target,
        ackStatus,
        reason == null ? null : reason.textValue(),
        timestamp,
        receivedAt);
  }
}
