package io.voltstream.api.query;

import io.voltstream.api.auth.Principal;
import io.voltstream.api.error.ApiException;
import java.util.List;

/**
 * Applies a token's resource permissions ({@code room:<name>}, {@code sensor:<id>}) to query
 * filters: a scoped token must name only rooms/sensors it may access, and must name some.
 */
public final class Scopes {
  private Scopes() {}

  public static void requireAccess(Principal p, List<String> rooms, List<String> sensors) {
    if (p.permissions().isEmpty()) {
      return;
    }
    if (rooms.isEmpty() && sensors.isEmpty()) {
      throw ApiException.forbidden("this token is limited to " + p.permissions() + "; name the rooms or sensors");
    }
    for (String r : rooms) {
      if (!p.mayAccess("room", r)) {
        throw ApiException.forbidden("this token may not access room '" + r + "'");
      }
    }
    for (String s : sensors) {
      if (!p.mayAccess("sensor", s)) {
        throw ApiException.forbidden("this token may not access sensor '" + s + "'");
      }
    }
  }
}
