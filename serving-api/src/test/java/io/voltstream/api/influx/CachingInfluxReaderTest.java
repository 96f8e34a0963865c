package io.voltstream.api.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.api.TestClock;
import io.voltstream.influx.InfluxException;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingInfluxReaderTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private static final List<Series> ANSWER =
      List.of(new Series("m", Map.of(), List.of("time"), List.of()));

  @Test
  void shouldReuseAnAnswerWithinTheTtlAndRefreshAfterIt() {
    AtomicInteger calls = new AtomicInteger();
    TestClock clock = new TestClock(T0);
    CachingInfluxReader cache =
        new CachingInfluxReader(
            q -> {
              calls.incrementAndGet();
              return ANSWER;
            },
            Duration.ofSeconds(2),
            100,
            clock);

    cache.query(InfluxQuery.of("SELECT 1"));
    cache.query(InfluxQuery.of("SELECT 1"));
    assertThat(calls).hasValue(1);
    cache.query(InfluxQuery.of("SELECT 2"));
    assertThat(calls).hasValue(2);
    clock.advance(Duration.ofSeconds(3));
    cache.query(InfluxQuery.of("SELECT 1"));
    assertThat(calls).hasValue(3);
  }

  @Test
  void shouldNotCacheFailures() {
    AtomicInteger calls = new AtomicInteger();
    CachingInfluxReader cache =
        new CachingInfluxReader(
            q -> {
              if (calls.incrementAndGet() == 1) {
                throw new InfluxException("down");
              }
              return ANSWER;
            },
            Duration.ofSeconds(2),
            100,
            new TestClock(T0));

    assertThatThrownBy(() -> cache.query(InfluxQuery.of("SELECT 1")))
        .isInstanceOf(InfluxException.class);
    assertThat(cache.query(InfluxQuery.of("SELECT 1"))).isEqualTo(ANSWER);
  }

  @Test
  void shouldLetConcurrentIdenticalQueriesShareOneRequest() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    CachingInfluxReader cache =
        new CachingInfluxReader(
            q -> {
              calls.incrementAndGet();
              try {
                release.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return ANSWER;
            },
            Duration.ofSeconds(2),
            100,
            new TestClock(T0));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Series>>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> cache.query(InfluxQuery.of("SELECT 1"))));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (calls.get() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      release.countDown();
      for (Future<List<Series>> f : answers) {
        assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(ANSWER);
      }
      assertThat(calls).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
