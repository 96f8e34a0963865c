package io.voltstream.sim.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * What battery commands and device instructions share on the wire (design §3): the answerable
 * command ({@code command_id}, {@code valid_until}) and the acknowledgement {@code
 * {"command_id","status":"applied|rejected","reason","timestamp"}} ({@code reason} only when
 * rejected, {@code timestamp} ISO-8601).
 */
final class CommandWire {
  private CommandWire() {}

  /** The JSON object in {@code payload} when it has a textual {@code command_id}, else empty. */
  static Optional<JsonNode> answerable(byte[] payload) {
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(payload);
    } catch (Exception e) {
      return Optional.empty();
    }
    if (json == null || !json.isObject() || !json.path("command_id").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(json);
  }

  /** {@code valid_until} as an instant; null when absent or unreadable (the target rejects it). */
  static Instant validUntil(JsonNode json) {
    try {
      return json.hasNonNull("valid_until")
          ? Instant.parse(json.get("valid_until").asText())
          : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A textual field, or null. */
  static String text(JsonNode json, String field) {
    return json.path(field).isTextual() ? json.get(field).asText() : null;
  }

  static byte[] encode(String commandId, boolean applied, String reason, Instant at) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("command_id", commandId);
    json.put("status", applied ? "applied" : "rejected");
    if (reason != null) {
      json.put("reason", reason);
    }
    json.put("timestamp", at.toString());
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }
}
