package io.voltstream.api.health;

/**
 * One dependency probed by {@code GET /health}; {@link #probe()} must return within about a second.
 */
public interface HealthCheck {
  String name();

  /** Up or down with a short human-readable detail; never throws. */
  Status probe();

  /** Result of one probe. */
  record Status(boolean up, String detail) {}
}
