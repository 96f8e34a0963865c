package io.voltstream.api.auth;

import java.time.Instant;

/** A freshly signed JWT with its id ({@code jti}) and validity window. */
public record IssuedToken(String token, String id, Instant issuedAt, Instant expiresAt) {}
