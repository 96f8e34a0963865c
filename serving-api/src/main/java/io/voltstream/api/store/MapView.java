package io.voltstream.api.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory view behind a {@link ReplicatedMap}: applies values and tombstones according to its
 * {@link TombstonePolicy} and tells the listeners. Thread-safe; no Kafka here, so the Kafka and the
 * in-process map behave the same and the policy is unit-tested on its own.
 *
 * @param <V> value type
 */
final class MapView<V> {
  private static final Logger LOG = LoggerFactory.getLogger(MapView.class);

  private final String name;
  private final TombstonePolicy tombstones;
  private final Map<String, V> entries = new ConcurrentHashMap<>();
  private final List<ChangeListener<V>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong ignoredTombstones = new AtomicLong();

  MapView(String name, TombstonePolicy tombstones) {
    this.name = name;
    this.tombstones = tombstones;
  }

  /** Applies {@code value} for {@code key}; null is a tombstone, handled by the policy. */
  void apply(String key, V value) {
    if (value == null) {
      if (tombstones == TombstonePolicy.IGNORE) {
        long n = ignoredTombstones.incrementAndGet();
        LOG.warn(
            "ignoring a tombstone for {} on {}: its entries are permanent ({} ignored so far)",
            key,
            name,
            n);
        return;
      }
      entries.remove(key);
    } else {
      entries.put(key, value);
    }
    for (ChangeListener<V> l : listeners) {
      try {
        l.changed(key, value);
      } catch (RuntimeException e) {
        // A listener's failure must not stop the view from following the log.
        LOG.warn("listener of {} failed on {}: {}", name, key, e.toString());
      }
    }
  }

  Optional<V> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  Map<String, V> snapshot() {
    return Map.copyOf(entries);
  }

  int size() {
    return entries.size();
  }

  ChangeListener.Registration listen(ChangeListener<V> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  long ignoredTombstones() {
    return ignoredTombstones.get();
  }
}
