package io.voltstream.api.store;

import java.util.Objects;

/**
 * A {@link ReplicatedMap} for one process: unit tests and the in-process wiring of handler tests.
 */
public final class InMemoryReplicatedMap<V> extends ViewBackedMap<V> {

  /** A map whose removals delete ({@link TombstonePolicy#DELETE}). */
  public InMemoryReplicatedMap() {
    this(TombstonePolicy.DELETE);
  }

  public InMemoryReplicatedMap(TombstonePolicy tombstones) {
    super(new MapView<>("in-memory map", tombstones));
  }

  @Override
  public void put(String key, V value) {
    view.apply(key, Objects.requireNonNull(value, "value"));
  }

  @Override
  public void remove(String key) {
    view.apply(key, null);
  }
}
