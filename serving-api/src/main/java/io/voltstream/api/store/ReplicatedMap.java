package io.voltstream.api.store;

import java.util.Map;
import java.util.Optional;

/**
 * A key → value view of a compacted log that every API instance shares. Writes return only once
 * this instance's view shows them (read-your-writes); other instances see them as soon as they
 * consume the log (milliseconds with Kafka).
 *
 * @param <V> value type; a removed key is a tombstone on the log
 */
public interface ReplicatedMap<V> extends AutoCloseable {

  Optional<V> get(String key);

  /** An immutable copy of the current view. */
  Map<String, V> snapshot();

  /** Writes {@code value} under {@code key} and waits until this view shows it. */
  void put(String key, V value);

  /** Writes a tombstone for {@code key} and waits until this view no longer shows it. */
  void remove(String key);

  @Override
  default void close() {}
}
