package io.voltstream.api.tokens.dto;

import io.voltstream.api.auth.Redaction;
import io.voltstream.api.auth.Role;
import io.voltstream.api.auth.TokenService;
import java.time.Instant;
import java.util.List;

/** The minted token; the only time the API ever shows it. */
public record GenerateTokenResponse(
    String token,
    String id,
    String name,
    Role role,
    List<String> permissions,
    Instant issuedAt,
    Instant expiresAt) {

  public static GenerateTokenResponse from(TokenService.Minted m) {
    return new GenerateTokenResponse(
        m.token().token(),
        m.token().id(),
        m.record().name(),
        m.record().role(),
        m.record().permissions(),
        m.token().issuedAt(),
        m.token().expiresAt());
  }

  /** Never prints the token (serialisation to the client uses the accessors, not this). */
  @Override
  public String toString() {
    return "GenerateTokenResponse[token="
        + Redaction.redact(token)
        + ", id="
        + id
        + ", name="
        + name
        + ", role="
        + role
        + ", permissions="
        + permissions
        + ", issuedAt="
        + issuedAt
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
