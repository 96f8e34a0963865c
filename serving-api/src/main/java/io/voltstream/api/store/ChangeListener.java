package io.voltstream.api.store;

/**
 * Hears every change a {@link ReplicatedMap}'s view applies, after the view shows it, on the thread
 * that applied it (the Kafka reader in production): keep it short and hand longer work off.
 *
 * @param <V> the map's value type
 */
@FunctionalInterface
public interface ChangeListener<V> {
  /** {@code key} now maps to {@code value}; null when a tombstone removed it. */
  void changed(String key, V value);

  /** Undoes a {@link ReplicatedMap#listen}. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
