package io.voltstream.api.influx;

import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caches InfluxQL answers for a short TTL, keyed by the rendered statement, and lets concurrent
 * identical queries share one in-flight request (single flight). The data behind the API changes
 * once per window (1 min) or per reading, so a TTL of a second or two trades that much staleness
 * for not asking InfluxDB the same question hundreds of times a second. Failures are not cached.
 */
public final class CachingInfluxReader implements InfluxReader {

  private record Entry(CompletableFuture<List<Series>> answer, Instant expiresAt) {}

  private final InfluxReader delegate;
  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  public CachingInfluxReader(InfluxReader delegate, Duration ttl, int maxEntries, Clock clock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  @Override
  public List<Series> query(InfluxQuery query) {
    if (ttl.isZero()) {
      return delegate.query(query);
    }
    String key = query.render();
    Instant now = clock.instant();
    boolean[] created = {false};
    Entry entry =
        entries.compute(
            key,
            (k, e) -> {
              if (e != null
                  && now.isBefore(e.expiresAt())
                  && !e.answer().isCompletedExceptionally()) {
                return e;
              }
              created[0] = true;
              return new Entry(new CompletableFuture<>(), now.plus(ttl));
            });
    if (created[0]) {
      try {
        entry.answer().complete(delegate.query(query));
      } catch (RuntimeException e) {
        entries.remove(key, entry);
        entry.answer().completeExceptionally(e);
      }
      evictIfFull(now);
    }
    try {
      return entry.answer().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  private void evictIfFull(Instant now) {
    if (entries.size() > maxEntries) {
      entries.entrySet().removeIf(en -> !now.isBefore(en.getValue().expiresAt()));
      if (entries.size() > maxEntries) {
        entries.clear();
      }
    }
  }

  public int size() {
    return entries.size();
  }
}
