package io.voltstream.launcher.bench;

import io.voltstream.sim.load.LoadGenerator;
import java.util.Arrays;

/**
 * The ids of every load reading the broker acknowledged, per sensor: reading id {@code <sensor
 * id>@<epoch ms>} (the load generator never reuses a millisecond for a sensor), kept as the
 * sensor's growing array of timestamps (8 bytes per reading: 24 MB for a 5-minute step at 10,000
 * readings/s). Completeness is then checked id by id, not by comparing totals (a total can hide a
 * lost reading behind an unacknowledged one that got through).
 */
final class AckedIds implements LoadGenerator.AckListener {
  private final long[][] timestamps;
  private final int[] counts;

  AckedIds(int sensors) {
    timestamps = new long[sensors][16];
    counts = new int[sensors];
  }

  @Override
  public synchronized void acknowledged(int sensorIndex, long timestampMs) {
    long[] mine = timestamps[sensorIndex];
    if (counts[sensorIndex] == mine.length) {
      mine = Arrays.copyOf(mine, mine.length * 2);
      timestamps[sensorIndex] = mine;
    }
    mine[counts[sensorIndex]++] = timestampMs;
  }

  int sensors() {
    return counts.length;
  }

  synchronized long total() {
    long n = 0;
    for (int c : counts) {
      n += c;
    }
    return n;
  }

  /** The acknowledged timestamps of one sensor, ascending. */
  synchronized long[] sortedTimestamps(int sensorIndex) {
    long[] copy = Arrays.copyOf(timestamps[sensorIndex], counts[sensorIndex]);
    Arrays.sort(copy);
    return copy;
  }

  /**
   * The acknowledged timestamps missing from {@code stored} (both ascending): the lost reading ids.
   */
  static long[] missing(long[] acked, long[] stored) {
    long[] out = new long[acked.length];
    int n = 0;
    int j = 0;
    for (long ts : acked) {
      while (j < stored.length && stored[j] < ts) {
        j++;
      }
      if (j == stored.length || stored[j] != ts) {
        out[n++] = ts;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
