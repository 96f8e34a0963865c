package io.voltstream.api.store;

import java.util.Map;
import java.util.Optional;

/**
 * A key → value view of a compacted log that every API instance shares. Writes return only once
 * this instance's view shows them (read-your-writes); other instances see them as soon as they
 * consume the log (milliseconds with Kafka).
 *
 * @param <V> value type; a removed key is a tombstone on the log, which the map's {@link
 *     TombstonePolicy} applies or ignores
 */
public interface ReplicatedMap<V> extends AutoCloseable {

  Optional<V> get(String key);

  /** An immutable copy of the current view. */
  Map<String, V> snapshot();

  /** Writes {@code value} under {@code key} and waits until this view shows it. */
  void put(String key, V value);

  /**
   * Writes a tombstone for {@code key} and waits until this view has applied it (the key is gone,
   * or, under {@link TombstonePolicy#IGNORE}, the tombstone was counted and ignored).
   */
  void remove(String key);

  /**
   * Calls {@code listener} on every later change of this view, from every instance's writes; close
   * the registration to stop.
   */
  ChangeListener.Registration listen(ChangeListener<V> listener);

  /** Tombstones this view ignored ({@link TombstonePolicy#IGNORE}); 0 otherwise. */
  long ignoredTombstones();

  @Override
  default void close() {}
}
