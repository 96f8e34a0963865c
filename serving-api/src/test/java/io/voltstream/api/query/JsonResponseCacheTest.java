package io.voltstream.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonResponseCacheTest {

  @Test
  void shouldSerialiseOncePerTtlAndRefreshAfterExpiry() {
    TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    JsonResponseCache cache = new JsonResponseCache(Duration.ofSeconds(2), 100, clock);
    AtomicInteger computed = new AtomicInteger();

    String first =
        new String(
            cache.get("k", () -> List.of(computed.incrementAndGet())).json(),
            StandardCharsets.UTF_8);
    cache.get("k", () -> List.of(computed.incrementAndGet()));
    assertThat(first).isEqualTo("[1]");
    assertThat(computed).hasValue(1);

    clock.advance(Duration.ofSeconds(3));
    String refreshed =
        new String(
            cache.get("k", () -> List.of(computed.incrementAndGet())).json(),
            StandardCharsets.UTF_8);
    assertThat(refreshed).isEqualTo("[2]");
    assertThat(cache.get("k", () -> List.of(computed.incrementAndGet())).gzip()).isNotEmpty();
    assertThat(computed).hasValue(2);
  }

  @Test
  void shouldCountHitsAndMisses() {
    TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    JsonResponseCache cache = new JsonResponseCache(Duration.ofSeconds(2), 100, clock);
    cache.get("a", () -> List.of(1)); // miss
    cache.get("a", () -> List.of(1)); // hit
    cache.get("b", () -> List.of(2)); // miss
    JsonResponseCache.Stats before = cache.stats();
    assertThat(before).isEqualTo(new JsonResponseCache.Stats(1, 2));
    clock.advance(Duration.ofSeconds(3));
    cache.get("a", () -> List.of(3)); // expired: recomputed, a miss
    cache.get("a", () -> List.of(3)); // hit
    JsonResponseCache.Stats since = cache.stats().minus(before);
    assertThat(since).isEqualTo(new JsonResponseCache.Stats(1, 1));
    assertThat(since.hitRate()).isEqualTo(0.5);
    assertThat(new JsonResponseCache.Stats(0, 0).hitRate()).isZero();
  }
}
