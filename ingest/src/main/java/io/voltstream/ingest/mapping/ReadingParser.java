package io.voltstream.ingest.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one MQTT message on {@code sensors/{sensor_id}/readings} into normalised readings and
 * rejections, following the device contract of design §3: UTF-8 JSON of at most 64 KiB, one object
 * or an array of objects. Array elements are judged one by one, so one bad element never costs the
 * good ones. Pure and thread-safe: no IO, no clock (the caller passes the arrival time).
 *
 * <pre>{@code
 * ParseResult result = ReadingParser.parse("sensors/kitchen-meter/readings", payload, Instant.now());
 * result.readings();    // to Kafka readings
 * result.rejections();  // to Kafka readings.dlq
 * }</pre>
 */
public final class ReadingParser {
  /** Largest payload accepted, in bytes (design §3). */
  public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  // NaN/Infinity tokens are not JSON: with ALLOW_NON_NUMERIC_NUMBERS off they fail the parse, and a
  // duplicated key is ambiguous (which value wins?), so it fails the parse too.
  static final ObjectMapper STRICT =
      new ObjectMapper(
          JsonFactory.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
              .build());

  private ReadingParser() {}

  public static ParseResult parse(String mqttTopic, byte[] payload, Instant receivedAt) {
    byte[] bytes = payload == null ? new byte[0] : payload;
    if (bytes.length > MAX_PAYLOAD_BYTES) {
      return ParseResult.rejected(
          Rejection.ofPayload(
              RejectionReason.PAYLOAD_TOO_LARGE,
              "payload has " + bytes.length + " bytes, the limit is " + MAX_PAYLOAD_BYTES));
    }
    Optional<String> topicSensorId = Identifiers.sensorIdOfTopic(mqttTopic);
    if (topicSensorId.isEmpty()) {
      return ParseResult.rejected(
          Rejection.ofPayload(
              RejectionReason.INVALID_TOPIC,
              "topic '"
                  + mqttTopic
                  + "' is not sensors/{sensor_id}/readings with a URL-safe sensor id"));
    }
    Optional<String> text = decodeUtf8(bytes);
    if (text.isEmpty()) {
      return ParseResult.rejected(
          Rejection.ofPayload(RejectionReason.INVALID_UTF8, "payload is not valid UTF-8"));
    }
    return parseJson(text.get(), topicSensorId.get(), receivedAt);
  }

  /** The payload as text, or empty when it is not valid UTF-8 (malformed or unmappable bytes). */
  public static Optional<String> decodeUtf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * A JSON syntax error as a rejection: {@code duplicate_key} for a repeated key, else {@code
   * malformed_json}.
   */
  static Rejection syntaxError(JsonParseException e) {
    boolean duplicate =
        e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
    return Rejection.ofPayload(
        duplicate ? RejectionReason.DUPLICATE_KEY : RejectionReason.MALFORMED_JSON,
        e.getOriginalMessage());
  }

  /** An element of the payload: its tree, or the duplicate-key rejection that replaced it. */
  private record Element(JsonNode node, String raw, JsonParseException duplicate) {}

  // Batch elements are delimited with duplicate detection off, then each is read on its own with
  // it on: a repeated key makes that element ambiguous, not the array, so only it is rejected.
  private static final ObjectMapper DELIMITER =
      new ObjectMapper(
          JsonFactory.builder().disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build());

  private static ParseResult parseJson(String text, String topicSensorId, Instant receivedAt) {
    List<Element> elements;
    boolean batch;
    try (JsonParser parser =
        peekArray(text) ? DELIMITER.createParser(text) : STRICT.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return ParseResult.rejected(
            Rejection.ofPayload(RejectionReason.MALFORMED_JSON, "payload is empty"));
      }
      batch = first == JsonToken.START_ARRAY;
      elements =
          batch
              ? readArray(parser, text)
              : List.of(new Element(STRICT.readTree(parser), null, null));
      if (parser.nextToken() != null) {
        return ParseResult.rejected(
            Rejection.ofPayload(
                RejectionReason.MALFORMED_JSON,
                "unexpected content after the JSON value at offset "
                    + parser.currentTokenLocation().getCharOffset()));
      }
    } catch (JsonParseException e) {
      return ParseResult.rejected(syntaxError(e));
    } catch (IOException e) {
      // Any other Jackson read failure (e.g. a stream-read constraint such as nesting depth).
      return ParseResult.rejected(
          Rejection.ofPayload(RejectionReason.MALFORMED_JSON, String.valueOf(e.getMessage())));
    }
    if (batch && elements.isEmpty()) {
      return ParseResult.rejected(
          Rejection.ofPayload(RejectionReason.EMPTY_BATCH, "the batch array is empty"));
    }
    if (!batch && !elements.get(0).node().isObject()) {
      return ParseResult.rejected(
          Rejection.ofPayload(
              RejectionReason.NOT_AN_OBJECT,
              "payload must be a JSON object or an array of objects, got "
                  + elements.get(0).node().getNodeType()));
    }
    var readings = new ArrayList<io.voltstream.model.SensorReading>(elements.size());
    var rejections = new ArrayList<Rejection>();
    for (int i = 0; i < elements.size(); i++) {
      Element element = elements.get(i);
      if (element.duplicate() != null) {
        Rejection dup = syntaxError(element.duplicate());
        rejections.add(
            new Rejection(dup.reason(), duplicateField(dup), i, dup.message(), element.raw()));
        continue;
      }
      ReadingMapper.Outcome outcome =
          ReadingMapper.map(
              element.node(), topicSensorId, receivedAt, batch ? i : null, element.raw());
      if (outcome.reading() != null) {
        readings.add(outcome.reading());
      } else {
        rejections.add(outcome.rejection());
      }
    }
    return new ParseResult(readings, rejections);
  }

  /**
   * Reads the elements of a top-level array, keeping each element's raw text for dead letters. The
   * array is delimited by a parser without duplicate detection; each element is then read strictly
   * from its own text, so a repeated key rejects that element only.
   */
  private static List<Element> readArray(JsonParser parser, String text) throws IOException {
    List<Element> elements = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() == null) {
        throw new JsonParseException(parser, "unexpected end of input inside the batch array");
      }
      int start = (int) parser.currentTokenLocation().getCharOffset();
      parser.skipChildren();
      int end = (int) parser.currentLocation().getCharOffset();
      String raw = text.substring(start, end);
      try {
        elements.add(new Element(STRICT.readTree(raw), raw, null));
      } catch (JsonParseException e) {
        if (syntaxError(e).reason() != RejectionReason.DUPLICATE_KEY) {
          throw e; // the delimiting parser accepted it, so this cannot happen; keep it loud
        }
        elements.add(new Element(null, raw, e));
      }
    }
    return elements;
  }

  /** Whether the payload's first non-blank character opens an array. */
  private static boolean peekArray(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '[';
      }
    }
    return false;
  }

  /** The repeated key of a duplicate-key rejection ({@code Duplicate field 'x'}), or null. */
  private static String duplicateField(Rejection duplicate) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("Duplicate field '([^']*)'").matcher(duplicate.message());
    return m.find() ? m.group(1) : null;
  }
}
