package io.voltstream.api.store;

import java.util.Map;
import java.util.Optional;

/** The reads of a {@link ReplicatedMap} served from its {@link MapView}; subclasses write. */
abstract class ViewBackedMap<V> implements ReplicatedMap<V> {
  final MapView<V> view;

  ViewBackedMap(MapView<V> view) {
    this.view = view;
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
  public ChangeListener.Registration listen(ChangeListener<V> listener) {
    return view.listen(listener);
  }

  @Override
  public long ignoredTombstones() {
    return view.ignoredTombstones();
  }
}
