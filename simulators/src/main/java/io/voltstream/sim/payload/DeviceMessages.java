package io.voltstream.sim.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.sim.device.iot.SimulatedDevice;
import java.time.Instant;
import java.util.Optional;

/**
 * The device's side of the MQTT contract (design §3), pure: reads an instruction {@code
 * {"command_id","action","value","duration_s","valid_until","source"}} and writes its
 * acknowledgement. The meter's readings are ordinary readings ({@link ReadingPayload}).
 */
public final class DeviceMessages {
  private DeviceMessages() {}

  /**
   * The instruction in {@code payload}; empty when it has no readable {@code command_id} (nothing
   * to answer). Unreadable fields become null, so the device rejects them naming why.
   */
  public static Optional<SimulatedDevice.Request> instruction(byte[] payload) {
    return CommandWire.answerable(payload)
        .map(
            json -> {
              JsonNode value = json.get("value");
              return new SimulatedDevice.Request(
                  json.get("command_id").asText(),
                  CommandWire.text(json, "action"),
                  value != null && value.isNumber() ? value.doubleValue() : null,
                  durationS(json.get("duration_s")),
                  CommandWire.validUntil(json));
            });
  }

  /** A present but unreadable duration becomes -1, which the device rejects naming the field. */
  private static Long durationS(JsonNode duration) {
    if (duration == null || duration.isNull()) {
      return null;
    }
    return duration.isIntegralNumber() && duration.canConvertToLong() ? duration.longValue() : -1L;
  }

  /** {@code {"command_id","status","reason","timestamp"}}. */
  public static byte[] ack(SimulatedDevice.Answer answer, Instant at) {
    return CommandWire.encode(answer.commandId(), answer.applied(), answer.reason(), at);
  }
}
