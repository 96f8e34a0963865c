package io.voltstream.api.tokens.dto;

import io.voltstream.api.auth.Redaction;

/** Body of {@code POST /api/v1/tokens/validate}. */
public record ValidateTokenRequest(String token) {
  /** Never prints the token. */
  @Override
  public String toString() {
    return "ValidateTokenRequest[token=" + Redaction.redact(token) + "]";
  }
}
