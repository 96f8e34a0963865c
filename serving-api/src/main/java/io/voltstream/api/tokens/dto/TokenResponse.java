package io.voltstream.api.tokens.dto;

import io.voltstream.api.auth.Role;
import io.voltstream.api.auth.TokenService;
import java.time.Instant;
import java.util.List;

/** An issued token as listed by {@code GET /api/v1/tokens}: metadata only, never the secret JWT. */
public record TokenResponse(
    String id,
    String name,
    Role role,
    List<String> permissions,
    Instant issuedAt,
    Instant expiresAt,
    String issuedBy,
    boolean revoked,
    boolean expired) {

  public static TokenResponse from(TokenService.Listed l) {
    var r = l.record();
    return new TokenResponse(
        r.id(),
        r.name(),
        r.role(),
        r.permissions(),
        r.issuedAt(),
        r.expiresAt(),
        r.issuedBy(),
        l.revoked(),
        l.expired());
  }
}
