package io.voltstream.api.store;

import java.util.Map;
import java.util.Optional;

/**
 * A {@link ReplicatedMap} for one process: unit tests and the in-process wiring of handler tests.
 */
public final class InMemoryReplicatedMap<V> implements ReplicatedMap<V> {
  private final MapView<V> view;

  /** A map whose removals delete ({@link TombstonePolicy#DELETE}). */
  public InMemoryReplicatedMap() {
    this(TombstonePolicy.DELETE);
  }

  public InMemoryReplicatedMap(TombstonePolicy tombstones) {
    this.view = new MapView<>("in-memory map", tombstones);
  }

  @Override
  public Optional<V> get(String key) {
    return view.get(key);
  }

  @Override
  public Map<String, V> snapshot() {
    return view.snapshot();
  }

  @Override
  public void put(String key, V value) {
    view.apply(key, java.util.Objects.requireNonNull(value, "value"));
  }

  @Override
  public void remove(String key) {
    view.apply(key, null);
  }

  @Override
  public ChangeListener.Registration listen(ChangeListener<V> listener) {
    return view.listen(listener);
  }

  @Override
  public long ignoredTombstones() {
    return view.ignoredTombstones();
  }
}
