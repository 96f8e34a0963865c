package io.voltstream.ingest.mapping;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns one MQTT message on {@code batteries/{id}/state}, {@code batteries/{id}/acks} or {@code
 * devices/{id}/acks} into a battery state or an acknowledgement, or a rejection (design §3): one
 * UTF-8 JSON object of at most 64 KiB, parsed as strictly as readings (no NaN, no duplicate keys).
 * Pure and thread-safe.
 *
 * <pre>{@code
 * ParseResult r = DeviceMessageParser.parse("batteries/bat-1/state", payload, Instant.now());
 * r.batteryStates(); // to Kafka battery-state
 * }</pre>
 */
public final class DeviceMessageParser {
  private DeviceMessageParser() {}

  /**
   * Whether {@code mqttTopic} is one this parser reads (else it is a readings topic or invalid).
   */
  public static boolean handles(String mqttTopic) {
    return mqttTopic != null
        && (mqttTopic.startsWith("batteries/") || mqttTopic.startsWith("devices/"));
  }

  public static ParseResult parse(String mqttTopic, byte[] payload, Instant receivedAt) {
    byte[] bytes = payload == null ? new byte[0] : payload;
    if (bytes.length > ReadingParser.MAX_PAYLOAD_BYTES) {
      return ParseResult.rejected(
          Rejection.ofPayload(
              RejectionReason.PAYLOAD_TOO_LARGE,
              "payload has "
                  + bytes.length
                  + " bytes, the limit is "
                  + ReadingParser.MAX_PAYLOAD_BYTES));
    }
    Optional<DeviceTopic> topic = DeviceTopic.parse(mqttTopic);
    if (topic.isEmpty()) {
      return ParseResult.rejected(
          Rejection.ofPayload(
              RejectionReason.INVALID_TOPIC,
              "topic '"
                  + mqttTopic
                  + "' is not batteries/{id}/state, batteries/{id}/acks or devices/{id}/acks with a"
                  + " URL-safe id"));
    }
    Optional<String> text = ReadingParser.decodeUtf8(bytes);
    if (text.isEmpty()) {
      return ParseResult.rejected(
          Rejection.ofPayload(RejectionReason.INVALID_UTF8, "payload is not valid UTF-8"));
    }
    JsonNode node;
    try {
      node =
          ReadingParser.STRICT
              .reader()
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readTree(text.get());
    } catch (JsonParseException e) {
      return ParseResult.rejected(ReadingParser.syntaxError(e));
    } catch (IOException e) {
      return ParseResult.rejected(
          Rejection.ofPayload(RejectionReason.MALFORMED_JSON, String.valueOf(e.getMessage())));
    }
    if (node == null || node.isMissingNode()) {
      return ParseResult.rejected(
          Rejection.ofPayload(RejectionReason.MALFORMED_JSON, "payload is empty"));
    }
    if (!node.isObject()) {
      return ParseResult.rejected(
          Rejection.ofPayload(
              RejectionReason.NOT_AN_OBJECT,
              "payload must be a JSON object, got " + node.getNodeType()));
    }
    DeviceTopic t = topic.get();
    try {
      return t.isState()
          ? ParseResult.batteryState(BatteryStateMapper.map(node, t.id(), receivedAt))
          : ParseResult.ack(CommandAckMapper.map(node, t.kind(), t.id(), receivedAt));
    } catch (Invalid invalid) {
      return ParseResult.rejected(invalid.toRejection());
    }
  }
}
