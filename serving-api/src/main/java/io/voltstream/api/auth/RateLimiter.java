package io.voltstream.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token-bucket rate limit per caller key (token id, or client IP without a token): {@code burst}
 * requests at once, refilled at {@code perSecond}. A rate of 0 disables limiting. Pure apart from
 * the injected clock, so tests drive time.
 */
public final class RateLimiter {
  private static final int MAX_KEYS = 100_000;

  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Whether a request may proceed, and when to retry if not. */
  public record Decision(boolean allowed, Duration retryAfter) {}

  private static final class Bucket {
    double tokens;
    long updatedNanos;

    Bucket(double tokens, long updatedNanos) {
      this.tokens = tokens;
      this.updatedNanos = updatedNanos;
    }
  }

  public RateLimiter(int perSecond, int burst, Clock clock) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
    this.clock = clock;
  }

  public boolean enabled() {
    return perSecond > 0;
  }

  public Decision tryAcquire(String key) {
    if (!enabled()) {
      return new Decision(true, Duration.ZERO);
    }
    long now = nanos();
    if (buckets.size() > MAX_KEYS) {
      // Full buckets carry no information: forgetting them bounds memory under many distinct IPs.
      buckets.entrySet().removeIf(e -> refill(e.getValue(), now) >= burst);
    }
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (b) {
      refill(b, now);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return new Decision(true, Duration.ZERO);
      }
      double secondsToOne = (1 - b.tokens) / perSecond;
      return new Decision(false, Duration.ofMillis((long) Math.ceil(secondsToOne * 1000)));
    }
  }

  private double refill(Bucket b, long now) {
    synchronized (b) {
      double elapsed = Math.max(0, now - b.updatedNanos) / 1e9;
      b.tokens = Math.min(burst, b.tokens + elapsed * perSecond);
      b.updatedNanos = now;
      return b.tokens;
    }
  }

  private long nanos() {
    var i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
