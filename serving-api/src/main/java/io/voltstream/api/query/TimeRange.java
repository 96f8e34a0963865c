package io.voltstream.api.query;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A half-open query interval {@code [start, end)}, parsed from the {@code start_time}/{@code
 * end_time} parameters: ISO-8601 instants ({@code 2026-11-27T10:00:00Z}, offsets allowed) or epoch
 * milliseconds. A missing end is now (truncated to the second, so repeated default queries within a
 * second are identical and cacheable); a missing start is {@code defaultSpan} before the end.
 */
public record TimeRange(Instant start, Instant end) {

  public static final String START = "start_time";
  public static final String END = "end_time";

  public Duration length() {
    return Duration.between(start, end);
  }

  /**
   * Parses and checks both bounds; 400 naming the field for unparseable values, 422 when {@code end
   * <= start} or the range is longer than {@code maxSpan}.
   */
  public static TimeRange parse(
      String rawStart, String rawEnd, Duration defaultSpan, Duration maxSpan, Instant now) {
    return parse(START, rawStart, END, rawEnd, defaultSpan, maxSpan, now);
  }

  /**
   * As {@link #parse(String, String, Duration, Duration, Instant)} for parameters with other names
   * (e.g. {@code from}/{@code to}), which the errors then name.
   */
  public static TimeRange parse(
      String startField,
      String rawStart,
      String endField,
      String rawEnd,
      Duration defaultSpan,
      Duration maxSpan,
      Instant now) {
    List<FieldError> errors = new ArrayList<>();
    Instant end = parseInstant(endField, rawEnd, errors);
    Instant start = parseInstant(startField, rawStart, errors);
    if (!errors.isEmpty()) {
      throw new ApiException(ApiException.Kind.BAD_REQUEST, "invalid time range", errors);
    }
    if (end == null) {
      end = now.truncatedTo(ChronoUnit.SECONDS);
    }
    if (start == null) {
      start = end.minus(defaultSpan);
    }
    if (!end.isAfter(start)) {
      throw ApiException.invalid(new FieldError(endField, "must be after " + startField));
    }
    if (Duration.between(start, end).compareTo(maxSpan) > 0) {
      throw ApiException.invalid(
          new FieldError(
              startField,
              "range " + Duration.between(start, end) + " exceeds the maximum of " + maxSpan));
    }
    return new TimeRange(start, end);
  }

  /** Parses one instant parameter; null when absent; 400 naming {@code field} when unparseable. */
  public static Instant parseParam(String field, String raw) {
    List<FieldError> errors = new ArrayList<>();
    Instant t = parseInstant(field, raw, errors);
    if (!errors.isEmpty()) {
      throw new ApiException(ApiException.Kind.BAD_REQUEST, "invalid " + field, errors);
    }
    return t;
  }

  /** Parses one bound; null when absent; records a field error when unparseable. */
  static Instant parseInstant(String field, String raw, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.trim();
    try {
      if (s.chars().allMatch(Character::isDigit) && s.length() <= 15) {
        return Instant.ofEpochMilli(Long.parseLong(s));
      }
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      errors.add(
          new FieldError(
              field, "must be an ISO-8601 instant (2026-11-27T10:00:00Z) or epoch milliseconds"));
      return null;
    }
  }
}
