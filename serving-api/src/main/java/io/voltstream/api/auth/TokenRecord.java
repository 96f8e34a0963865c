package io.voltstream.api.auth;

import java.time.Instant;
import java.util.List;

/**
 * What the API remembers about an issued token (on the {@code tokens} topic): never the JWT itself.
 */
public record TokenRecord(
    String id,
    String name,
    Role role,
    List<String> permissions,
    Instant issuedAt,
    Instant expiresAt,
    String issuedBy) {

  public TokenRecord {
    permissions = permissions == null ? List.of() : List.copyOf(permissions);
  }
}
