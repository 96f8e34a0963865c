package io.voltstream.energy.dr.baseline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The placebo test of a baseline method (issue 9 §5): pretend an event happened in fixed windows on
 * every day of a history without real events, compute the baseline from what was known before each
 * window's start, and compare it with the load actually metered. A good baseline is unbiased on
 * days when nothing was curtailed. Every day after the first day of data is tried (the first has no
 * history at all); the baselines take whatever fallback they need and the result counts them.
 *
 * <pre>{@code
 * PlaceboResult r = Placebo.run(history, zone, List.of(PlaceboWindow.parse("17:00-19:00")),
 *     BaselineMethod.TEN_OF_TEN, false);
 * }</pre>
 */
public final class Placebo {
  /** Fallback key: no eligible day, the hour before the start was used. */
  public static final String PRE_EVENT = Baseline.PRE_EVENT;

  /** Fallback key: fewer eligible days than the method wants. */
  public static final String FEWER_DAYS = "fewer_days";

  /** The same-day adjustment hit its ±20 % cap. */
  public static final String ADJUSTMENT_CAPPED = "adjustment_capped";

  /** The same-day adjustment could not be computed (incomplete data). */
  public static final String ADJUSTMENT_SKIPPED = "adjustment_skipped";

  private Placebo() {}

  public static PlaceboResult run(
      LoadHistory history,
      ZoneId zone,
      List<PlaceboWindow> windows,
      BaselineMethod method,
      boolean sameDayAdjustment) {
    List<PlaceboSample> samples = new ArrayList<>();
    int skipped = samples(history, zone, windows, method, sameDayAdjustment, samples);
    Map<String, PlaceboStats> byWindow = new LinkedHashMap<>();
    for (PlaceboWindow w : windows) {
      byWindow.put(
          w.label(), PlaceboStats.of(samples.stream().filter(s -> s.window().equals(w)).toList()));
    }
    return new PlaceboResult(
        method.wireName(),
        sameDayAdjustment,
        PlaceboStats.of(samples),
        PlaceboStats.of(samples.stream().filter(s -> !usedFallback(s.baseline())).toList()),
        byWindow,
        fallbacks(samples),
        skipped);
  }

  /**
   * Adds one sample per day and window to {@code out}; returns the number of windows left out (no
   * complete metered load, or no baseline at all).
   */
  static int samples(
      LoadHistory history,
      ZoneId zone,
      List<PlaceboWindow> windows,
      BaselineMethod method,
      boolean sameDayAdjustment,
      List<PlaceboSample> out) {
    if (history.isEmpty()) {
      return 0;
    }
    LocalDate first = history.meanKwByStart().firstKey().atZone(zone).toLocalDate();
    LocalDate last = history.meanKwByStart().lastKey().atZone(zone).toLocalDate();
    int skipped = 0;
    for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
      for (PlaceboWindow w : windows) {
        Instant start = ZonedDateTime.of(day, w.start(), zone).toInstant();
        Instant end = start.plus(w.length());
        OptionalDouble actual = history.meanKw(start, end);
        Optional<Baseline> baseline =
            actual.isEmpty()
                ? Optional.empty()
                : Baselines.compute(
                    history.before(start), start, end, zone, Set.of(), method, sameDayAdjustment);
        if (baseline.isEmpty()) {
          skipped++;
          continue;
        }
        out.add(
            new PlaceboSample(
                day, w, baseline.get().meanKw(), actual.getAsDouble(), baseline.get()));
      }
    }
    return skipped;
  }

  private static boolean usedFallback(Baseline b) {
    return b.method().equals(Baseline.PRE_EVENT) || b.note().contains(Baselines.FEWER_DAYS_NOTE);
  }

  private static Map<String, Integer> fallbacks(List<PlaceboSample> samples) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (PlaceboSample s : samples) {
      Baseline b = s.baseline();
      if (b.method().equals(Baseline.PRE_EVENT)) {
        counts.merge(PRE_EVENT, 1, Integer::sum);
      }
      if (b.note().contains(Baselines.FEWER_DAYS_NOTE)) {
        counts.merge(FEWER_DAYS, 1, Integer::sum);
      }
      if (b.note().contains(Baselines.CAPPED_NOTE)) {
        counts.merge(ADJUSTMENT_CAPPED, 1, Integer::sum);
      }
      if (b.note().contains(Baselines.ADJUSTMENT_SKIPPED_NOTE)) {
        counts.merge(ADJUSTMENT_SKIPPED, 1, Integer::sum);
      }
    }
    return counts;
  }
}
