package io.voltstream.jobs.dr.logic;

import io.voltstream.energy.dr.baseline.LoadHistory;
import io.voltstream.jobs.dispatch.logic.BatteryReading;
import io.voltstream.jobs.dispatch.logic.SensorPower;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A building's grid import and its history of 15-minute means, the input of the DR baselines. Grid
 * import = consumption − generation (the readings' net load) + battery charging power (telemetry, +
 * charging): what the building's meter at the grid connection sees.
 */
public final class ImportHistory {
  /** The baselines' interval, aligned to the quarter hour like billing. */
  public static final Duration INTERVAL = Duration.ofMinutes(15);

  private ImportHistory() {}

  /** Grid import now [W]; empty while no sensor power is known (a 0 would be a guess). */
  public static OptionalDouble gridImportW(
      Collection<SensorPower> sensors, Collection<BatteryReading> batteries) {
    OptionalDouble net = SensorPower.netLoadW(sensors);
    if (net.isEmpty()) {
      return net;
    }
    double charging = 0;
    for (BatteryReading b : batteries) {
      charging += b.chargingPowerW();
    }
    return OptionalDouble.of(net.getAsDouble() + charging);
  }

  /** Start of the 15-minute interval holding {@code at} [epoch ms]. */
  public static long intervalStartMs(Instant at) {
    long step = INTERVAL.toMillis();
    return Math.floorDiv(at.toEpochMilli(), step) * step;
  }

  /** The intervals that started before {@code before}, as the baselines read them. */
  public static LoadHistory before(Map<Long, ImportBucket> buckets, Instant before) {
    SortedMap<Instant, Double> kw = new TreeMap<>();
    for (Map.Entry<Long, ImportBucket> e : buckets.entrySet()) {
      Instant start = Instant.ofEpochMilli(e.getKey());
      if (start.isBefore(before) && e.getValue().samples() > 0) {
        kw.put(start, e.getValue().meanKw());
      }
    }
    return LoadHistory.of(INTERVAL, kw);
  }
}
