package io.voltstream.api.auth;

import java.time.Instant;

/** A revoked token id (on the compacted {@code token-revocations} topic). */
public record Revocation(String id, Instant revokedAt, String revokedBy) {}
