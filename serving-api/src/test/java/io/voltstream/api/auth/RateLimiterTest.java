package io.voltstream.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final TestClock clock = new TestClock(AuthTestData.T0);

  @Test
  void shouldAllowTheBurstThenRefuseWithRetryAfter() {
    RateLimiter limiter = new RateLimiter(2, 3, clock);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    }

    RateLimiter.Decision d = limiter.tryAcquire("a");

    assertThat(d.allowed()).isFalse();
    assertThat(d.retryAfter()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void shouldRefillAtTheConfiguredRate() {
    RateLimiter limiter = new RateLimiter(2, 1, clock);
    assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    assertThat(limiter.tryAcquire("a").allowed()).isFalse();

    clock.advance(Duration.ofMillis(500));

    assertThat(limiter.tryAcquire("a").allowed()).isTrue();
  }

  @Test
  void shouldLimitEachKeySeparately() {
    RateLimiter limiter = new RateLimiter(1, 1, clock);
    assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    assertThat(limiter.tryAcquire("b").allowed()).isTrue();
  }

  @Test
  void shouldAllowEverythingWhenDisabled() {
    RateLimiter limiter = new RateLimiter(0, 1, clock);
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    }
  }
}
