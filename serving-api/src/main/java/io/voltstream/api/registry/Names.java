package io.voltstream.api.registry;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import java.util.regex.Pattern;

/**
 * Identifiers of buildings, rooms and sensors: URL-safe {@code [A-Za-z0-9._-]{1,64}}, and not only
 * dots (so {@code .} and {@code ..} never become path segments). They end up in Kafka keys, URLs and
 * InfluxDB tags, so nothing else is accepted.
 */
public final class Names {
  public static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  public static final String RULE = "must be 1-64 characters of letters, digits, '.', '_' or '-' (not only dots)";

  private Names() {}

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches() && !name.chars().allMatch(c -> c == '.');
  }

  /** Returns {@code name} or throws a 400 naming {@code field}. */
  public static String require(String field, String name) {
    if (name == null) {
      throw ApiException.badRequest(field + " is required", new FieldError(field, "required"));
    }
    if (!isValid(name)) {
      throw ApiException.badRequest("invalid " + field, new FieldError(field, RULE));
    }
    return name;
  }
}
