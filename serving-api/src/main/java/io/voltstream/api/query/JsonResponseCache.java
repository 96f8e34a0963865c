package io.voltstream.api.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.voltstream.model.Json;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps serialised JSON answers for a short TTL, keyed by everything the answer depends on, with
 * single flight for concurrent identical requests. A 24-hour series at one-minute resolution is a
 * quarter megabyte of JSON; serialising it once per TTL instead of once per request is what lets
 * hundreds of dashboards poll the same room. When an answer expires, the first caller recomputes it
 * while the others keep getting the previous one (for at most four more TTLs), so expiry never
 * stalls a crowd of identical requests. The gzip form is kept too, for clients that accept it.
 * Failures are not cached.
 */
public final class JsonResponseCache {

  /**
   * An answer serialised once, plain and gzip-compressed (so compressing is not per request
   * either).
   */
  public record Encoded(byte[] json, byte[] gzip) {}

  /**
   * Answers served from the cache (fresh, stale while another caller refreshes, or waiting on an
   * identical request in flight) and answers computed, since the cache was made.
   */
  public record Stats(long hits, long misses) {
    /** hits / (hits + misses), 0 when nothing was asked. */
    public double hitRate() {
      long total = hits + misses;
      return total == 0 ? 0 : (double) hits / total;
    }

    /** The counts since {@code earlier}. */
    public Stats minus(Stats earlier) {
      return new Stats(hits - earlier.hits, misses - earlier.misses);
    }
  }

  private record Entry(
      CompletableFuture<Encoded> json,
      Instant expiresAt,
      java.util.concurrent.atomic.AtomicBoolean refreshing) {
    Entry(CompletableFuture<Encoded> json, Instant expiresAt) {
      this(json, expiresAt, new java.util.concurrent.atomic.AtomicBoolean());
    }

    /**
     * Expired but usable while one caller refreshes it (stale-while-revalidate, up to 5 TTLs old).
     */
    boolean servableStale(Instant now, Duration ttl) {
      return json.isDone()
          && !json.isCompletedExceptionally()
          && now.isBefore(expiresAt.plus(ttl.multipliedBy(4)));
    }
  }

  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.LongAdder hits =
      new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder misses =
      new java.util.concurrent.atomic.LongAdder();

  public JsonResponseCache(Duration ttl, int maxEntries, Clock clock) {
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  public Encoded get(String key, Supplier<?> compute) {
    if (ttl.isZero()) {
      misses.increment();
      return serialise(compute.get());
    }
    Instant now = clock.instant();
    Entry current = entries.get(key);
    if (current != null && !now.isBefore(current.expiresAt()) && current.servableStale(now, ttl)) {
      if (!current.refreshing().compareAndSet(false, true)) {
        hits.increment();
        return current
            .json()
            .join(); // another caller is refreshing: serve the previous answer meanwhile
      }
      misses.increment();
      try {
        Encoded fresh = serialise(compute.get());
        entries.put(key, new Entry(CompletableFuture.completedFuture(fresh), now.plus(ttl)));
        return fresh;
      } finally {
        current.refreshing().set(false);
      }
    }
    boolean[] created = {false};
    Entry entry =
        entries.compute(
            key,
            (k, e) -> {
              if (e != null
                  && now.isBefore(e.expiresAt())
                  && !e.json().isCompletedExceptionally()) {
                return e;
              }
              created[0] = true;
              return new Entry(new CompletableFuture<>(), now.plus(ttl));
            });
    (created[0] ? misses : hits).increment();
    if (created[0]) {
      try {
        entry.json().complete(serialise(compute.get()));
      } catch (RuntimeException e) {
        entries.remove(key, entry);
        entry.json().completeExceptionally(e);
      }
      if (entries.size() > maxEntries) {
        entries.entrySet().removeIf(en -> !en.getValue().servableStale(now, ttl));
      }
    }
    try {
      return entry.json().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  public Stats stats() {
    return new Stats(hits.sum(), misses.sum());
  }

  private static Encoded serialise(Object value) {
    try {
      byte[] json = Json.MAPPER.writeValueAsBytes(value);
      java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream(json.length / 6 + 64);
      try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
        out.write(json);
      }
      return new Encoded(json, gz.toByteArray());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
