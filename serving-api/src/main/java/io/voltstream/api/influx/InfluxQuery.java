package io.voltstream.api.influx;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An InfluxQL statement assembled from trusted text and checked values, so user input is never
 * concatenated into a query: identifiers are matched against a whitelist pattern and double-quoted,
 * string literals are single-quoted with escapes, and time bounds are rendered from {@link Instant}s
 * as RFC 3339 literals. Any value that does not pass throws {@link InvalidQueryValueException}, which
 * the API maps to 400.
 *
 * <pre>{@code
 * InfluxQuery q = InfluxQuery.of("SELECT \"power_w\" FROM \"readings\" WHERE \"room\" = ")
 *     .tag("room", roomName).text(" AND time >= ").time(start);
 * }</pre>
 */
public final class InfluxQuery {

  /** Names of measurements, fields and tag keys: plain ASCII words. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  /**
   * Tag values the API accepts from users (room names, sensor ids, event kinds): ASCII letters,
   * digits and {@code _ - . :}, 1 to 64 characters (a superset of the registry's name rule). Narrower than Influx allows, on purpose: it
   * rules out quotes, backslashes, whitespace and look-alike Unicode before escaping even matters.
   */
  public static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");

  private final StringBuilder text = new StringBuilder();

  private InfluxQuery() {}

  /** Starts a statement with trusted text (a constant written in this code base, never input). */
  public static InfluxQuery of(String trustedText) {
    return new InfluxQuery().text(trustedText);
  }

  /** Appends trusted text (a constant written in this code base, never input). */
  public InfluxQuery text(String trustedText) {
    text.append(Objects.requireNonNull(trustedText));
    return this;
  }

  /** Appends a double-quoted identifier after checking it against {@link #IDENTIFIER}. */
  public InfluxQuery identifier(String field, String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new InvalidQueryValueException(field, "must be a plain identifier ([A-Za-z_][A-Za-z0-9_]*, at most 64 characters)");
    }
    text.append('"').append(name).append('"');
    return this;
  }

  /** Appends a tag value as a quoted literal after checking it against {@link #TAG_VALUE}. */
  public InfluxQuery tag(String field, String value) {
    checkTagValue(field, value);
    return literal(value);
  }

  /** Appends any string as a single-quoted literal, escaping backslashes and quotes. */
  public InfluxQuery literal(String value) {
    text.append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\'') {
        text.append('\\');
      }
      if (c == '\n' || c == '\r') {
        text.append(' ');
        continue;
      }
      text.append(c);
    }
    text.append('\'');
    return this;
  }

  /** Appends an RFC 3339 time literal. */
  public InfluxQuery time(Instant instant) {
    text.append('\'').append(DateTimeFormatter.ISO_INSTANT.format(instant)).append('\'');
    return this;
  }

  /** Appends a duration literal in whole seconds (e.g. {@code 60s}) for {@code GROUP BY time(...)}. */
  public InfluxQuery duration(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive: " + duration);
    }
    text.append(duration.toSeconds()).append('s');
    return this;
  }

  /** Appends a non-negative integer (LIMIT, OFFSET). */
  public InfluxQuery number(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative number in query: " + n);
    }
    text.append(n);
    return this;
  }

  /** Checks a user-supplied tag value; throws {@link InvalidQueryValueException} naming the field. */
  public static String checkTagValue(String field, String value) {
    if (value == null || !TAG_VALUE.matcher(value).matches()) {
      throw new InvalidQueryValueException(field,
          "must be 1-64 characters of A-Z, a-z, 0-9, '_', '-', '.', ':'");
    }
    return value;
  }

  public String render() {
    return text.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
