package io.voltstream.api.auth;

import java.time.Instant;

/** A freshly signed JWT with its id ({@code jti}) and validity window. */
public record IssuedToken(String token, String id, Instant issuedAt, Instant expiresAt) {
  /** Never prints the token: it is a bearer credential. */
  @Override
  public String toString() {
    return "IssuedToken[token="
        + Redaction.redact(token)
        + ", id="
        + id
        + ", issuedAt="
        + issuedAt
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
