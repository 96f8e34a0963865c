package io.voltstream.sim.device.load;

import io.voltstream.sim.device.RoomKind;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The load of a building seen by one aggregate meter, made of the room-kind shapes of {@link
 * LoadProfile}: a constant base load (standby, fridges, servers) plus a weighted sum of room kinds.
 * A household without a home office gets a strong evening peak; an office building is mostly {@link
 * RoomKind#OFFICE} load scaled by its number of workplaces, busy on weekday daytime.
 *
 * <p>Each weighted kind varies per minute with its own seeded noise (key {@code <meter
 * key>:<kind>}), so the sum varies less, relatively, than one room does, as aggregate loads do.
 *
 * @param baseLoadW constant load [W], ≥ 0
 * @param weights how many rooms' worth of each kind's shape [≥ 0]
 */
public record LoadMix(double baseLoadW, Map<RoomKind, Double> weights) {
  public LoadMix {
    if (!(baseLoadW >= 0)) {
      throw new IllegalArgumentException("base load must be >= 0 W, was " + baseLoadW);
    }
    EnumMap<RoomKind, Double> copy = new EnumMap<>(RoomKind.class);
    weights.forEach(
        (kind, w) -> {
          if (!(w >= 0)) {
            throw new IllegalArgumentException("weight of " + kind + " must be >= 0, was " + w);
          }
          copy.put(kind, w);
        });
    weights = Collections.unmodifiableMap(copy);
  }

  /** Noiseless typical power at a moment [W]. */
  public double expectedPowerW(LoadProfile profile, Instant at) {
    double sum = baseLoadW;
    for (Map.Entry<RoomKind, Double> w : weights.entrySet()) {
      sum += w.getValue() * profile.expectedPowerW(w.getKey(), at);
    }
    return sum;
  }

  /** Mean power over (from, to] [W], with the per-minute variation of each kind. */
  public double averagePowerW(LoadProfile profile, String key, Instant from, Instant to) {
    double sum = baseLoadW;
    for (Map.Entry<RoomKind, Double> w : weights.entrySet()) {
      sum += w.getValue() * profile.averagePowerW(key + ":" + w.getKey(), w.getKey(), from, to);
    }
    return sum;
  }
}
