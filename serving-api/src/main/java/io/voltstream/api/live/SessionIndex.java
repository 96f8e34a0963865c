package io.voltstream.api.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which live sessions hold which token, and when each one's token expires: finds the sessions to
 * close on a revocation (by token id) and on expiry (the earliest expiries first) without scanning
 * every session. Every operation is O(log n) in the sessions it keeps, plus the sessions it
 * returns, so an expiry sweep several times a second costs next to nothing when nothing is due.
 * Thread-safe.
 */
final class SessionIndex {
  private record Entry(String sessionId, String tokenId, Instant expiresAt) {}

  private static final Comparator<Entry> BY_EXPIRY =
      Comparator.comparing(Entry::expiresAt).thenComparing(Entry::sessionId);

  private final Map<String, Entry> bySession = new HashMap<>();
  private final Map<String, Set<String>> byToken = new HashMap<>();
  private final TreeSet<Entry> byExpiry = new TreeSet<>(BY_EXPIRY);

  /** Registers (or re-registers) {@code sessionId}, authenticated with {@code tokenId}. */
  synchronized void add(String sessionId, String tokenId, Instant expiresAt) {
    remove(sessionId);
    Entry e = new Entry(sessionId, tokenId, expiresAt);
    bySession.put(sessionId, e);
    byToken.computeIfAbsent(tokenId, t -> new LinkedHashSet<>()).add(sessionId);
    byExpiry.add(e);
  }

  /** Forgets {@code sessionId}; false when it was not registered. */
  synchronized boolean remove(String sessionId) {
    Entry e = bySession.remove(sessionId);
    if (e == null) {
      return false;
    }
    byExpiry.remove(e);
    Set<String> sessions = byToken.get(e.tokenId());
    sessions.remove(sessionId);
    if (sessions.isEmpty()) {
      byToken.remove(e.tokenId());
    }
    return true;
  }

  /** Removes and returns every session authenticated with {@code tokenId}. */
  synchronized List<String> removeToken(String tokenId) {
    Set<String> sessions = byToken.get(tokenId);
    if (sessions == null) {
      return List.of();
    }
    List<String> ids = List.copyOf(sessions);
    ids.forEach(this::remove);
    return ids;
  }

  /** Removes and returns every session whose token expired at or before {@code now}. */
  synchronized List<String> removeExpired(Instant now) {
    List<String> due = new ArrayList<>();
    while (!byExpiry.isEmpty() && !byExpiry.first().expiresAt().isAfter(now)) {
      due.add(byExpiry.first().sessionId());
      remove(byExpiry.first().sessionId());
    }
    return due;
  }

  /** When the next registered token expires, if any session is registered. */
  synchronized Optional<Instant> nextExpiry() {
    return byExpiry.isEmpty() ? Optional.empty() : Optional.of(byExpiry.first().expiresAt());
  }

  synchronized int size() {
    return bySession.size();
  }

  synchronized void clear() {
    bySession.clear();
    byToken.clear();
    byExpiry.clear();
  }
}
