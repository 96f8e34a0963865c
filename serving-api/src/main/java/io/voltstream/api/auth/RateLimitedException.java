package io.voltstream.api.auth;

import java.time.Duration;

/** The caller exceeded its rate; answered 429 with {@code Retry-After}. */
public final class RateLimitedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;

  public RateLimitedException(Duration retryAfter) {
    super(
        "rate limit exceeded; retry after "
            + Math.max(1, (retryAfter.toMillis() + 999) / 1000)
            + " s");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait, at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
