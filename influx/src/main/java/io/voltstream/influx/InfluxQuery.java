package io.voltstream.influx;

import io.voltstream.model.EntityId;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An InfluxQL statement assembled from trusted text and checked values, so input is never
 * concatenated into a query: measurement and column names come from the {@link Schema} (or are
 * matched against {@link #IDENTIFIER}) and double-quoted, tag values must follow the {@link
 * EntityId} rule and are single-quoted, free literals are escaped, and time bounds are rendered
 * from {@link Instant}s as RFC 3339 literals. A value that does not pass throws {@link
 * InvalidQueryValueException} naming the field (an API maps it to 400).
 *
 * <pre>{@code
 * var m = Schema.ROOM_METRICS;
 * InfluxQuery q = InfluxQuery.of("SELECT ").aggregate("sum", m.energyKwh).text(" FROM ").from(m)
 *     .text(" WHERE ").eq(m.room, "room", roomName).text(" AND time >= ").time(start);
 * }</pre>
 */
public final class InfluxQuery {

  /** Names of measurements, fields and tag keys: plain ASCII words. */
  public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private final StringBuilder text = new StringBuilder();

  private InfluxQuery() {}

  /** Starts a statement with trusted text (a constant written in this code base, never input). */
  public static InfluxQuery of(String trustedText) {
    return new InfluxQuery().text(trustedText);
  }

  /** {@code CREATE DATABASE "<name>"} for a database name following the {@link EntityId} rule. */
  public static InfluxQuery createDatabase(String database) {
    return of("CREATE DATABASE \"").text(EntityId.require("database", database)).text("\"");
  }

  /** Appends trusted text (a constant written in this code base, never input). */
  public InfluxQuery text(String trustedText) {
    text.append(Objects.requireNonNull(trustedText));
    return this;
  }

  /** Appends a double-quoted identifier after checking it against {@link #IDENTIFIER}. */
  public InfluxQuery identifier(String field, String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new InvalidQueryValueException(
          field, "must be a plain identifier ([A-Za-z_][A-Za-z0-9_]*, at most 64 characters)");
    }
    text.append('"').append(name).append('"');
    return this;
  }

  /** Appends the quoted name of a measurement. */
  public InfluxQuery from(Measurement measurement) {
    text.append('"').append(measurement.name()).append('"');
    return this;
  }

  /** Appends the quoted name of a tag or field. */
  public InfluxQuery column(Column column) {
    text.append('"').append(column.name()).append('"');
    return this;
  }

  /** Appends quoted names separated by {@code ", "}. */
  public InfluxQuery columns(Column... columns) {
    for (int i = 0; i < columns.length; i++) {
      text(i == 0 ? "" : ", ").column(columns[i]);
    }
    return this;
  }

  /** Appends {@code fn("column") AS "column"}; {@code fn} is a trusted function name. */
  public InfluxQuery aggregate(String fn, Column column) {
    return aggregate(fn, column, column.name());
  }

  /** Appends {@code fn("column") AS "alias"}; {@code fn} and {@code alias} are trusted text. */
  public InfluxQuery aggregate(String fn, Column column, String alias) {
    return text(fn).text("(").column(column).text(") AS ").identifier("alias", alias);
  }

  /** Appends {@code "tag" = 'value'}, checking the value (from request field {@code field}). */
  public InfluxQuery eq(Tag tag, String field, String value) {
    return column(tag).text(" = ").tag(field, value);
  }

  /**
   * Appends a tag value as a quoted literal after checking it against the {@link EntityId} rule.
   */
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

  /**
   * Appends a duration literal in whole seconds (e.g. {@code 60s}) for {@code GROUP BY time(...)}.
   */
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

  /**
   * Checks a user-supplied tag value (room name, sensor id, building, event kind) against the
   * {@link EntityId} rule; throws {@link InvalidQueryValueException} naming the field.
   */
  public static String checkTagValue(String field, String value) {
    if (!EntityId.isValid(value)) {
      throw new InvalidQueryValueException(field, EntityId.RULE);
    }
    return value;
  }

  /**
   * Checks a name declared in code (measurement, tag or field key); a bad one is a programming
   * error.
   */
  static String requireIdentifier(String what, String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " name must match " + IDENTIFIER.pattern() + ": " + name);
    }
    return name;
  }

  public String render() {
    return text.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
