package io.voltstream.sim.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voltstream.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An acknowledgement of a battery command or a device instruction (design §3): {@code
 * {"command_id","status":"applied|rejected","reason","timestamp"}}, {@code reason} only when
 * rejected, {@code timestamp} ISO-8601.
 */
final class AckPayload {
  private AckPayload() {}

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
