package io.voltstream.api.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The three roles of the design's role matrix (§4). Carried in the JWT {@code role} claim by its
 * lower-case wire name and declared on every route of the {@link
 * io.voltstream.api.route.RouteTable}.
 */
public enum Role implements RouteRole {
  ADMIN,
  OPERATOR,
  VIEWER;

  @com.fasterxml.jackson.annotation.JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @com.fasterxml.jackson.annotation.JsonCreator
  static Role parse(String wireName) {
    return fromWireName(wireName)
        .orElseThrow(() -> new IllegalArgumentException("unknown role '" + wireName + "'"));
  }

  /** The role with this wire name (case-insensitive), or empty. */
  public static Optional<Role> fromWireName(String wireName) {
    if (wireName == null) {
      return Optional.empty();
    }
    String n = wireName.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.wireName().equals(n)).findFirst();
  }
}
