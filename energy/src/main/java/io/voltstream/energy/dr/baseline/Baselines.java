package io.voltstream.energy.dr.baseline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * CAISO-style customer baselines for a demand-response event window (issue 9 §5; rules in the
 * energy README, "Demand-response baselines").
 *
 * <ul>
 *   <li><b>Eligible days</b>: days before the event day of the same day type (Mon–Fri or Sat–Sun;
 *       public holidays are not modelled), within {@value #LOOKBACK_DAYS} days, that are not DR
 *       event days and have complete load data for the event's local time window.
 *   <li><b>10of10</b>: mean of the last 10 eligible weekdays; for a weekend event 4-in-4 (the last
 *       4 eligible weekend days).
 *   <li><b>high4of5</b>: of the last 5 eligible days, the 4 with the highest mean load over the
 *       event window, averaged.
 *   <li><b>Same-day adjustment</b> (optional): ratio of the event day's actual load to the
 *       unadjusted baseline over the 3 hours ending 1 hour before the event start, i.e. [start − 4
 *       h, start − 1 h), capped to [0.8, 1.2] and applied multiplicatively.
 *   <li><b>Fallbacks</b>: fewer eligible days than wanted → those available (≥ 1), noted; none →
 *       {@code pre_event} (mean load of the hour before the start, over the intervals metered);
 *       nothing at all → empty.
 * </ul>
 *
 * <pre>{@code
 * Optional<Baseline> b = Baselines.compute(history, start, end, zone, drDays,
 *     BaselineMethod.TEN_OF_TEN, true);
 * }</pre>
 */
public final class Baselines {
  /** How far back eligible days are searched [days] (CAISO's 45-day look-back). */
  public static final int LOOKBACK_DAYS = 45;

  /** Length of the same-day adjustment window. */
  public static final Duration ADJUSTMENT_WINDOW = Duration.ofHours(3);

  /** Gap between the adjustment window's end and the event start. */
  public static final Duration ADJUSTMENT_GAP = Duration.ofHours(1);

  /** The same-day adjustment factor is capped to [1 − cap, 1 + cap]. */
  public static final double ADJUSTMENT_CAP = 0.20;

  /** The {@code pre_event} fallback averages this long before the start. */
  public static final Duration PRE_EVENT_WINDOW = Duration.ofHours(1);

  /** Note phrases the placebo counts (kept with the text they match). */
  static final String FEWER_DAYS_NOTE = "; only ";

  static final String CAPPED_NOTE = ", capped at ";
  static final String ADJUSTMENT_SKIPPED_NOTE = "same-day adjustment not applied";

  private static final int WEEKDAY_DAYS = 10;
  private static final int WEEKEND_DAYS = 4;
  private static final int HIGH_OF = 5;
  private static final int HIGH_TAKE = 4;

  private Baselines() {}

  /**
   * The baseline for the event window [start, end), or empty when the history holds no usable load
   * at all (no eligible day and nothing metered in the hour before the start).
   *
   * @param eventDays local dates of past DR events of this building (never baseline days)
   */
  public static Optional<Baseline> compute(
      LoadHistory history,
      Instant start,
      Instant end,
      ZoneId zone,
      Set<LocalDate> eventDays,
      BaselineMethod method,
      boolean sameDayAdjustment) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(eventDays, "eventDays");
    Objects.requireNonNull(method, "method");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("event end " + end + " must be after its start " + start);
    }
    EventWindow window = EventWindow.of(start, end, zone, history.interval());
    Search search = findEligibleDays(history, window, eventDays, wanted(method, window));
    if (search.found().isEmpty()) {
      return preEvent(history, window, search, sameDayAdjustment);
    }
    List<DayLoad> used = select(method, search.found());
    double[] kw = averageSlots(used, window.slotCount());
    StringBuilder note = new StringBuilder(describe(method, window, search, used));
    if (sameDayAdjustment) {
      SameDayAdjustment.apply(history, window, used, kw, note);
    }
    return Optional.of(
        new Baseline(toList(kw), window.mean(kw), method.wireName(), note.toString(), used.size()));
  }

  private static int wanted(BaselineMethod method, EventWindow window) {
    return switch (method) {
      case TEN_OF_TEN -> window.weekend() ? WEEKEND_DAYS : WEEKDAY_DAYS;
      case HIGH_FOUR_OF_FIVE -> HIGH_OF;
    };
  }

  private static Search findEligibleDays(
      LoadHistory history, EventWindow window, Set<LocalDate> eventDays, int wanted) {
    List<DayLoad> found = new ArrayList<>();
    int skippedEventDays = 0;
    int skippedIncomplete = 0;
    if (history.isEmpty()) {
      return new Search(found, wanted, 0, 0);
    }
    // days before the first metered one are not "incomplete", they are simply not there
    LocalDate earliest = window.day().minusDays(LOOKBACK_DAYS);
    LocalDate first = history.meanKwByStart().firstKey().atZone(window.zone()).toLocalDate();
    earliest = first.isAfter(earliest) ? first : earliest;
    for (LocalDate d = window.day().minusDays(1);
        !d.isBefore(earliest) && found.size() < wanted;
        d = d.minusDays(1)) {
      if (isWeekend(d) != window.weekend()) {
        continue;
      }
      if (eventDays.contains(d)) {
        skippedEventDays++;
        continue;
      }
      Optional<DayLoad> load = DayLoad.of(history, window, d);
      if (load.isEmpty()) {
        skippedIncomplete++;
        continue;
      }
      found.add(load.get());
    }
    return new Search(found, wanted, skippedEventDays, skippedIncomplete);
  }

  private static List<DayLoad> select(BaselineMethod method, List<DayLoad> found) {
    return switch (method) {
      case TEN_OF_TEN -> found;
      case HIGH_FOUR_OF_FIVE ->
          found.stream()
              .sorted(Comparator.comparingDouble(DayLoad::meanKw).reversed())
              .limit(HIGH_TAKE)
              .toList();
    };
  }

  private static double[] averageSlots(List<DayLoad> days, int slots) {
    double[] kw = new double[slots];
    for (DayLoad day : days) {
      for (int i = 0; i < slots; i++) {
        kw[i] += day.slotKw()[i] / days.size();
      }
    }
    return kw;
  }

  private static String describe(
      BaselineMethod method, EventWindow window, Search search, List<DayLoad> used) {
    String dayKind = window.weekend() ? "weekend days" : "weekdays";
    int found = search.found().size();
    StringBuilder note = new StringBuilder();
    switch (method) {
      case TEN_OF_TEN ->
          note.append(
              window.weekend()
                  ? "weekend event: 4-in-4, mean of the last 4 eligible weekend days"
                  : "10of10: mean of the last 10 eligible weekdays");
      case HIGH_FOUR_OF_FIVE ->
          note.append("high4of5: the 4 highest-load of the last 5 eligible ").append(dayKind);
    }
    if (found < search.wanted()) {
      note.append(FEWER_DAYS_NOTE)
          .append(found)
          .append(" of ")
          .append(search.wanted())
          .append(" eligible days, averaged ")
          .append(used.size());
    }
    note.append(" (")
        .append(search.found().get(found - 1).day())
        .append(" to ")
        .append(search.found().get(0).day())
        .append(')');
    appendSkipped(note, search);
    return note.toString();
  }

  private static void appendSkipped(StringBuilder note, Search search) {
    if (search.skippedEventDays() > 0) {
      note.append("; skipped ").append(search.skippedEventDays()).append(" DR event day(s)");
    }
    if (search.skippedIncomplete() > 0) {
      note.append("; skipped ")
          .append(search.skippedIncomplete())
          .append(" day(s) with incomplete data");
    }
  }

  private static Optional<Baseline> preEvent(
      LoadHistory history, EventWindow window, Search search, boolean sameDayAdjustment) {
    Instant from = window.start().minus(PRE_EVENT_WINDOW);
    OptionalDouble kw = history.meanKwOfAvailable(from, window.start());
    if (kw.isEmpty()) {
      return Optional.empty();
    }
    int available = history.intervalsAvailable(from, window.start());
    StringBuilder note =
        new StringBuilder("no eligible ")
            .append(window.weekend() ? "weekend day" : "weekday")
            .append(" with complete data in the ")
            .append(LOOKBACK_DAYS)
            .append(" days before ")
            .append(window.day());
    appendSkipped(note, search);
    note.append(": pre_event = mean load of the hour before the start (")
        .append(available)
        .append(available == 1 ? " interval" : " intervals")
        .append(" metered)");
    if (sameDayAdjustment) {
      note.append("; same-day adjustment not applicable to pre_event");
    }
    double[] slots = new double[window.slotCount()];
    Arrays.fill(slots, kw.getAsDouble());
    return Optional.of(
        new Baseline(toList(slots), kw.getAsDouble(), Baseline.PRE_EVENT, note.toString(), 0));
  }

  static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  private static List<Double> toList(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private record Search(
      List<DayLoad> found, int wanted, int skippedEventDays, int skippedIncomplete) {}
}
