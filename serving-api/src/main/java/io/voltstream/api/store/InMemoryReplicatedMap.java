package io.voltstream.api.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ReplicatedMap} for one process: unit tests and the in-process wiring of handler tests.
 */
public final class InMemoryReplicatedMap<V> implements ReplicatedMap<V> {
  private final Map<String, V> map = new ConcurrentHashMap<>();

  @Override
  public Optional<V> get(String key) {
    return Optional.ofNullable(map.get(key));
  }

  @Override
  public Map<String, V> snapshot() {
    return Map.copyOf(map);
  }

  @Override
  public void put(String key, V value) {
    map.put(key, value);
  }

  @Override
  public void remove(String key) {
    map.remove(key);
  }
}
