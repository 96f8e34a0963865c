package io.voltstream.api.query;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.InvalidQueryValueException;
import io.voltstream.model.EntityId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Checks request values that end up in InfluxQL, answering 400 with the field name. */
public final class Inputs {
  private Inputs() {}

  /** A room name, sensor id or other tag value; see {@link EntityId}. */
  public static String tagValue(String field, String value) {
    try {
      return InfluxQuery.checkTagValue(field, value);
    } catch (InvalidQueryValueException e) {
      throw ApiException.badRequest("invalid " + field, new FieldError(e.field(), e.reason()));
    }
  }

  /** A positive integer parameter with a default and an upper bound (400 otherwise). */
  public static int positiveInt(String field, String raw, int fallback, int max) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.trim());
      if (v >= 1 && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "invalid " + field, new FieldError(field, "must be an integer from 1 to " + max));
  }

  /**
   * An enum value spelled in lower case ({@code pay_as_clear}, case-insensitive); null when {@code
   * raw} is absent; 400 naming {@code field} and listing the values otherwise.
   */
  public static <E extends Enum<E>> E choice(String field, String raw, Class<E> type) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String name = raw.trim().toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    String allowed =
        Arrays.stream(type.getEnumConstants()).map(Inputs::lower).collect(Collectors.joining(", "));
    throw ApiException.badRequest(
        "invalid " + field, new FieldError(field, "must be one of " + allowed));
  }

  /** An enum value as the API spells it: lower case; null stays null. */
  public static String lower(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT);
  }
}
