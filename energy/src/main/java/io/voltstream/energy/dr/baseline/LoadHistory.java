package io.voltstream.energy.dr.baseline;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A building's past load on a regular grid: the mean grid import [kW] of each interval, keyed by
 * the interval's start. Intervals may be missing (gaps in the metering); windows are then reported
 * as incomplete rather than averaged over what happens to be there. Immutable.
 *
 * <pre>{@code
 * LoadHistory h = LoadHistory.of(Duration.ofMinutes(15), meanKwByStart);
 * OptionalDouble kw = h.meanKw(from, to); // empty unless every interval of [from, to) is present
 * }</pre>
 */
public final class LoadHistory {
  private final Duration interval;
  private final SortedMap<Instant, Double> meanKwByStart;

  private LoadHistory(Duration interval, SortedMap<Instant, Double> meanKwByStart) {
    this.interval = interval;
    this.meanKwByStart = meanKwByStart;
  }

  /**
   * @param interval length of every interval, positive
   * @param meanKwByStart mean load [kW] per interval start; values finite
   */
  public static LoadHistory of(Duration interval, SortedMap<Instant, Double> meanKwByStart) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    TreeMap<Instant, Double> copy = new TreeMap<>();
    for (Map.Entry<Instant, Double> e : meanKwByStart.entrySet()) {
      Double kw = e.getValue();
      if (kw == null || !Double.isFinite(kw)) {
        throw new IllegalArgumentException("load at " + e.getKey() + " must be finite, was " + kw);
      }
      copy.put(Objects.requireNonNull(e.getKey(), "interval start"), kw);
    }
    return new LoadHistory(interval, Collections.unmodifiableSortedMap(copy));
  }

  public Duration interval() {
    return interval;
  }

  /** The intervals, read-only, by start. */
  public SortedMap<Instant, Double> meanKwByStart() {
    return meanKwByStart;
  }

  public boolean isEmpty() {
    return meanKwByStart.isEmpty();
  }

  /** The intervals starting before {@code t}: what was known at {@code t}. */
  public LoadHistory before(Instant t) {
    return new LoadHistory(interval, Collections.unmodifiableSortedMap(meanKwByStart.headMap(t)));
  }

  /**
   * The same load on another grid, anchored at the first interval: each new interval is the
   * time-weighted mean of the old ones it overlaps, and is left out unless they are all present
   * (e.g. 10-minute data onto 15 minutes).
   */
  public LoadHistory resampled(Duration newInterval) {
    TreeMap<Instant, Double> out = new TreeMap<>();
    if (!meanKwByStart.isEmpty()) {
      Instant last = meanKwByStart.lastKey().plus(interval);
      for (Instant t = meanKwByStart.firstKey();
          !t.plus(newInterval).isAfter(last);
          t = t.plus(newInterval)) {
        Instant from = t;
        meanKw(from, from.plus(newInterval)).ifPresent(kw -> out.put(from, kw));
      }
    }
    return of(newInterval, out);
  }

  /**
   * Time-weighted mean load over [from, to) [kW]: each interval overlapping the window counts with
   * the length of its overlap, so windows need not be aligned to the grid. Empty when the window is
   * empty or any interval it overlaps is missing — a baseline day with a gap is not a baseline day.
   */
  public OptionalDouble meanKw(Instant from, Instant to) {
    return mean(from, to, true);
  }

  /**
   * Like {@link #meanKw} but over the intervals that are present only; empty when none is. For the
   * {@code pre_event} fallback, where a building may have metered only part of the hour.
   */
  public OptionalDouble meanKwOfAvailable(Instant from, Instant to) {
    return mean(from, to, false);
  }

  /** Number of present intervals overlapping [from, to). */
  public int intervalsAvailable(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      return 0;
    }
    return meanKwByStart.subMap(from.minus(interval).plusNanos(1), to).size();
  }

  private OptionalDouble mean(Instant from, Instant to, boolean requireComplete) {
    if (!from.isBefore(to)) {
      return OptionalDouble.empty();
    }
    Instant slot = alignedStartContaining(from);
    double weightedKw = 0;
    long coveredNanos = 0;
    while (slot.isBefore(to)) {
      Instant next = slot.plus(interval);
      Instant a = slot.isAfter(from) ? slot : from;
      Instant b = next.isBefore(to) ? next : to;
      Double kw = meanKwByStart.get(slot);
      if (kw == null) {
        if (requireComplete) {
          return OptionalDouble.empty();
        }
      } else {
        long nanos = Duration.between(a, b).toNanos();
        weightedKw += kw * nanos;
        coveredNanos += nanos;
      }
      slot = next;
    }
    return coveredNanos == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(weightedKw / coveredNanos);
  }

  /**
   * The start of the grid interval containing {@code t}. The grid is anchored at the first stored
   * interval (or the epoch when empty), so a 15-minute history starting at :00 has its slots at
   * :00, :15, :30 and :45.
   */
  private Instant alignedStartContaining(Instant t) {
    Instant anchor = meanKwByStart.isEmpty() ? Instant.EPOCH : meanKwByStart.firstKey();
    long step = interval.toNanos();
    long offset = Math.floorDiv(Duration.between(anchor, t).toNanos(), step) * step;
    return anchor.plusNanos(offset);
  }
}
