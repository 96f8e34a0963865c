package io.voltstream.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.apache.flink.api.common.state.MapState;

/** Small helpers over Flink's keyed {@link MapState} that the per-building operators share. */
public final class MapStates {
  private MapStates() {}

  /**
   * Removes the entries whose value is {@code gone} (collected first: no removal while iterating).
   */
  public static <K, V> void removeWhere(MapState<K, V> state, Predicate<V> gone) throws Exception {
    removeWhere(state, (k, v) -> gone.test(v));
  }

  /** Removes the entries for which {@code gone} holds. */
  public static <K, V> void removeWhere(MapState<K, V> state, BiPredicate<K, V> gone)
      throws Exception {
    List<K> keys = new ArrayList<>();
    for (Map.Entry<K, V> e : state.entries()) {
      if (gone.test(e.getKey(), e.getValue())) {
        keys.add(e.getKey());
      }
    }
    for (K key : keys) {
      state.remove(key);
    }
  }

  /** The entries, copied into a map. */
  public static <K, V> Map<K, V> asMap(MapState<K, V> state) throws Exception {
    Map<K, V> map = new HashMap<>();
    for (Map.Entry<K, V> e : state.entries()) {
      map.put(e.getKey(), e.getValue());
    }
    return map;
  }

  /** The values, copied into a list. */
  public static <V> List<V> values(MapState<?, V> state) throws Exception {
    List<V> list = new ArrayList<>();
    state.values().forEach(list::add);
    return list;
  }
}
