package io.voltstream.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.model.EntityId;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Field rules shared by every device payload (readings, battery state, acknowledgements): presence,
 * the timestamp rule of design §3 and finite numbers. Each violation throws {@link Invalid} naming
 * the field.
 */
final class JsonFields {
  /** Payloads may be stamped at most this far ahead of their arrival (clock skew allowance). */
  static final Duration MAX_FUTURE_SKEW = Duration.ofHours(24);

  /** Nothing measured before this is plausible; catches epoch seconds sent as milliseconds. */
  static final Instant OLDEST_ACCEPTED = Instant.parse("2000-01-01T00:00:00Z");

  private JsonFields() {}

  static JsonNode present(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  static JsonNode required(JsonNode node, String field) {
    JsonNode value = present(node, field);
    if (value == null) {
      throw new Invalid(RejectionReason.MISSING_FIELD, field, "'" + field + "' is required");
    }
    return value;
  }

  /**
   * The required {@code timestamp}: epoch milliseconds or ISO-8601, not before 2000, at most 24 h
   * ahead.
   */
  static Instant timestamp(JsonNode node, Instant receivedAt) {
    JsonNode value = required(node, "timestamp");
    Instant timestamp;
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      timestamp = Instant.ofEpochMilli(value.longValue());
    } else if (value.isTextual()) {
      timestamp = parseIso(value.textValue());
    } else {
      throw new Invalid(
          RejectionReason.INVALID_TIMESTAMP,
          "timestamp",
          "timestamp must be integer epoch milliseconds or an ISO-8601 string, got "
              + abbreviate(value));
    }
    if (timestamp.isBefore(OLDEST_ACCEPTED)) {
      throw new Invalid(
          RejectionReason.TIMESTAMP_TOO_OLD,
          "timestamp",
          "timestamp "
              + timestamp
              + " is before "
              + OLDEST_ACCEPTED
              + " (epoch seconds instead of milliseconds?)");
    }
    if (timestamp.isAfter(receivedAt.plus(MAX_FUTURE_SKEW))) {
      throw new Invalid(
          RejectionReason.TIMESTAMP_IN_FUTURE,
          "timestamp",
          "timestamp " + timestamp + " is more than 24 h after its arrival at " + receivedAt);
    }
    return timestamp;
  }

  /** A finite JSON number in {@code [min, max]}, or null when absent and not required. */
  static Double number(JsonNode node, String field, boolean isRequired, double min, double max) {
    JsonNode value = isRequired ? required(node, field) : present(node, field);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      throw new Invalid(
          RejectionReason.INVALID_VALUE,
          field,
          field + " must be a JSON number, got " + abbreviate(value));
    }
    double d = value.doubleValue();
    if (!Double.isFinite(d)) {
      throw new Invalid(RejectionReason.NON_FINITE_VALUE, field, field + " is not a finite number");
    }
    if (d < min || d > max) {
      throw new Invalid(
          RejectionReason.OUT_OF_RANGE,
          field,
          field + " " + d + " is outside [" + min + ", " + max + "]");
    }
    return d;
  }

  /** An optional string following the {@link EntityId} rule, or null when absent. */
  static String entityId(JsonNode node, String field, RejectionReason reason) {
    JsonNode value = present(node, field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual() || !EntityId.isValid(value.textValue())) {
      throw new Invalid(reason, field, field + " " + EntityId.RULE + ", got " + abbreviate(value));
    }
    return value.textValue();
  }

  static String abbreviate(JsonNode value) {
    return abbreviate(value.toString());
  }

  static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 61) + "...";
  }

  private static Instant parseIso(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeException notAnInstant) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeException notOffsetDateTime) {
        throw new Invalid(
            RejectionReason.INVALID_TIMESTAMP,
            "timestamp",
            "timestamp '"
                + abbreviate(text)
                + "' is not an ISO-8601 date-time with offset (e.g. 2025-11-27T10:00:00Z)");
      }
    }
  }
}
