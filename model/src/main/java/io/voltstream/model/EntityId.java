package io.voltstream.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for names of buildings, rooms, sensors and the other entities that end up in MQTT
 * topics, Kafka keys, URLs, token permissions and InfluxDB tags: 1 to 64 characters of ASCII
 * letters, digits, {@code .}, {@code _} or {@code -}, and not only dots (so {@code .} and {@code
 * ..} never become path segments). Quotes, backslashes, whitespace and look-alike Unicode are ruled
 * out before any escaping matters.
 *
 * <pre>{@code
 * String room = EntityId.require("room", raw);   // IllegalArgumentException naming "room"
 * if (EntityId.isValid(sensorId)) { ... }
 * }</pre>
 */
public record EntityId(String value) {
  /** The allowed characters and length; see {@link #isValid} for the extra "not only dots" rule. */
  public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The rule in words, for error messages. */
  public static final String RULE =
      "must be 1-64 characters of letters, digits, '.', '_' or '-' (not only dots)";

  public EntityId {
    require("id", value);
  }

  /** Whether {@code value} follows the rule (null is not valid). */
  public static boolean isValid(String value) {
    return value != null
        && PATTERN.matcher(value).matches()
        && !value.chars().allMatch(c -> c == '.');
  }

  /** The id when {@code value} follows the rule, else empty. */
  public static Optional<EntityId> parse(String value) {
    return isValid(value) ? Optional.of(new EntityId(value)) : Optional.empty();
  }

  /**
   * Returns {@code value} when it follows the rule.
   *
   * @throws IllegalArgumentException whose message starts with {@code field}, e.g. {@code "room
   *     must be 1-64 characters of ..."}
   */
  public static String require(String field, String value) {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          field + " " + RULE + (value == null ? ", got nothing" : ", got '" + value + "'"));
    }
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
