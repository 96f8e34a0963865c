package io.voltstream.api.tokens.dto;

import io.voltstream.api.auth.Redaction;

/**
 * Body of {@code POST /api/v1/tokens/revoke}: the token's {@code id}, or the {@code token} itself.
 */
public record RevokeTokenRequest(String id, String token) {
  /** Never prints the token. */
  @Override
  public String toString() {
    return "RevokeTokenRequest[id=" + id + ", token=" + Redaction.redact(token) + "]";
  }
}
