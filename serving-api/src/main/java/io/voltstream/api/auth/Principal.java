package io.voltstream.api.auth;

import java.time.Instant;
import java.util.List;

/**
 * The authenticated caller of a request or WebSocket session, read from a verified JWT.
 *
 * <p>{@code permissions} are optional resource scopes such as {@code room:kitchen}, {@code
 * sensor:kitchen-meter} or {@code building:demo}; an empty list means "every resource the role
 * allows". What they grant is decided in one place, {@code io.voltstream.api.scope.ResourceScope}.
 */
public record Principal(
    String subject,
    Role role,
    List<String> permissions,
    String tokenId,
    Instant issuedAt,
    Instant expiresAt) {

  public Principal {
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
  }

  public boolean hasRole(Role r) {
    return role == r;
  }
}
