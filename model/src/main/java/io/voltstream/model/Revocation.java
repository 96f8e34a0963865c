package io.voltstream.model;

import java.time.Instant;

/**
 * A revoked API token id, on the compacted {@link Topics#TOKEN_REVOCATIONS} topic that every API
 * instance reads.
 */
public record Revocation(String id, Instant revokedAt, String revokedBy) {}
