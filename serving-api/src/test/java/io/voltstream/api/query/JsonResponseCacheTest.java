package io.voltstream.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonResponseCacheTest {

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-27T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void shouldSerialiseOncePerTtlAndRefreshAfterExpiry() {
    MutableClock clock = new MutableClock();
    JsonResponseCache cache = new JsonResponseCache(Duration.ofSeconds(2), 100, clock);
    AtomicInteger computed = new AtomicInteger();

    String first =
        new String(
            cache.get("k", () -> List.of(computed.incrementAndGet())).json(),
            StandardCharsets.UTF_8);
    cache.get("k", () -> List.of(computed.incrementAndGet()));
    assertThat(first).isEqualTo("[1]");
    assertThat(computed).hasValue(1);

    clock.now = clock.now.plusSeconds(3);
    String refreshed =
        new String(
            cache.get("k", () -> List.of(computed.incrementAndGet())).json(),
            StandardCharsets.UTF_8);
    assertThat(refreshed).isEqualTo("[2]");
    assertThat(cache.get("k", () -> List.of(computed.incrementAndGet())).gzip()).isNotEmpty();
    assertThat(computed).hasValue(2);
  }
}
