package io.voltstream.api.tokens.dto;

import io.voltstream.model.Revocation;
import java.time.Instant;

/** Confirmation of a revocation. */
public record RevokeTokenResponse(String id, boolean revoked, Instant revokedAt) {

  public static RevokeTokenResponse from(Revocation r) {
    return new RevokeTokenResponse(r.id(), true, r.revokedAt());
  }
}
