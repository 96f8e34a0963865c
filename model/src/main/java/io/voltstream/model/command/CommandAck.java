package io.voltstream.model.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A target's answer to a command, from MQTT {@code batteries/{id}/acks} or {@code
 * devices/{id}/acks} through ingest to Kafka {@code command-acks} (key = target).
 *
 * @param commandId the command answered
 * @param targetKind battery or device (from the MQTT topic)
 * @param target the battery or device id (from the MQTT topic)
 * @param status applied or rejected
 * @param reason why it was rejected (or a note on how it was applied, e.g. clamped power)
 * @param timestamp when the target answered (its clock); ingest's arrival time when absent
 * @param ingestedAt when ingest received it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandAck(
    String commandId,
    TargetKind targetKind,
    String target,
    AckStatus status,
    String reason,
    Instant timestamp,
    Instant ingestedAt) {

  public enum AckStatus {
    APPLIED,
    REJECTED
  }

  public CommandAck {
    Objects.requireNonNull(commandId, "command_id");
    Objects.requireNonNull(targetKind, "target_kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
