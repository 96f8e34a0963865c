package io.voltstream.forecast.streaming;

import java.util.regex.Pattern;

/**
 * Safe pieces of InfluxQL and line protocol. Names that come from outside (buildings) are
 * validated against a conservative pattern before they are quoted, so a query can never be
 * extended through a value.
 */
public final class InfluxQl {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

  private InfluxQl() {}

  public static boolean isValidName(String value) {
    return value != null && NAME.matcher(value).matches();
  }

  /** Returns the value or throws with a message naming {@code what}. */
  public static String requireName(String value, String what) {
    if (!isValidName(value)) {
      throw new IllegalArgumentException(
          what + " must match " + NAME.pattern() + " (letters, digits, _ . : -; at most 64), got '" + value + "'");
    }
    return value;
  }

  /** A double-quoted identifier (measurement, field, tag key). */
  public static String identifier(String name) {
    return "\"" + requireName(name, "identifier") + "\"";
  }

  /** A single-quoted string literal for a validated name. */
  public static String literal(String value) {
    return "'" + requireName(value, "value") + "'";
  }

  /** A tag value escaped for line protocol (commas, spaces, equals signs). */
  public static String tagValue(String value) {
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(" ", "\\ ").replace("=", "\\=");
  }
}
