package io.voltstream.ingest.mapping;

import io.voltstream.model.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Builds the {@code readings.dlq} record of a rejection. A rejected batch element carries its own
 * raw text (not the whole batch, which could multiply a 64 KiB payload by thousands of elements);
 * anything else carries the raw payload, as UTF-8 text or, when it is not valid UTF-8, as Base64.
 * Oversized payloads are cut to {@link ReadingParser#MAX_PAYLOAD_BYTES} so the dead letter always
 * fits a Kafka record.
 */
public final class DeadLetters {
  public static final String ENCODING_UTF8 = "utf-8";
  public static final String ENCODING_BASE64 = "base64";

  private DeadLetters() {}

  public static DeadLetter of(
      String mqttTopic, byte[] payload, Rejection rejection, Instant receivedAt) {
    String text;
    String encoding;
    if (rejection.elementJson() != null) {
      text = rejection.elementJson();
      encoding = ENCODING_UTF8;
    } else {
      byte[] bytes = payload == null ? new byte[0] : payload;
      if (bytes.length > ReadingParser.MAX_PAYLOAD_BYTES) {
        bytes = Arrays.copyOf(bytes, ReadingParser.MAX_PAYLOAD_BYTES);
      }
      Optional<String> utf8 = ReadingParser.decodeUtf8(bytes);
      byte[] prefix = bytes;
      text = utf8.orElseGet(() -> Base64.getEncoder().encodeToString(prefix));
      encoding = utf8.isPresent() ? ENCODING_UTF8 : ENCODING_BASE64;
    }
    return new DeadLetter(
        mqttTopic,
        text,
        encoding,
        rejection.describe(),
        rejection.field(),
        rejection.batchIndex(),
        receivedAt);
  }

  /**
   * The payload bytes a dead letter describes (decodes Base64 when needed); for tests and tools.
   */
  public static byte[] payloadBytes(DeadLetter deadLetter) {
    return ENCODING_BASE64.equals(deadLetter.payloadEncoding())
        ? Base64.getDecoder().decode(deadLetter.payload())
        : deadLetter.payload().getBytes(StandardCharsets.UTF_8);
  }
}
