package io.voltstream.energy.dr.baseline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** Named days and small synthetic histories for the baseline tests (hourly, UTC unless stated). */
final class BaselineTestData {
  static final ZoneId UTC = ZoneOffset.UTC;

  /** A Wednesday; the 10 weekdays before it are 04-01 … 04-14. */
  static final LocalDate EVENT_DAY = LocalDate.of(2026, 4, 15);

  static final LocalDate SATURDAY = LocalDate.of(2026, 4, 18);

  /** 10 weekdays before {@link #EVENT_DAY}, oldest first; their 17:00 load is 1 … 10 kW. */
  static final LocalDate[] LAST_TEN_WEEKDAYS = {
    LocalDate.of(2026, 4, 1),
    LocalDate.of(2026, 4, 2),
    LocalDate.of(2026, 4, 3),
    LocalDate.of(2026, 4, 6),
    LocalDate.of(2026, 4, 7),
    LocalDate.of(2026, 4, 8),
    LocalDate.of(2026, 4, 9),
    LocalDate.of(2026, 4, 10),
    LocalDate.of(2026, 4, 13),
    LocalDate.of(2026, 4, 14),
  };

  private BaselineTestData() {}

  static Instant at(LocalDate day, int hour) {
    return ZonedDateTime.of(day, LocalTime.of(hour, 0), UTC).toInstant();
  }

  /**
   * Hourly history over [from, to] (inclusive days) in {@code zone}: {@code load(day, localHour)}
   * [kW]; null = a missing interval.
   */
  static LoadHistory hourly(
      LocalDate from, LocalDate to, ZoneId zone, BiFunction<LocalDate, Integer, Double> load) {
    SortedMap<Instant, Double> kw = new TreeMap<>();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    for (Instant t = from.atStartOfDay(zone).toInstant();
        t.isBefore(end);
        t = t.plus(Duration.ofHours(1))) {
      ZonedDateTime local = t.atZone(zone);
      Double v = load.apply(local.toLocalDate(), local.getHour());
      if (v != null) {
        kw.put(t, v);
      }
    }
    return LoadHistory.of(Duration.ofHours(1), kw);
  }

  /**
   * The standard weekday history, 2026-03-30 to 2026-04-14, UTC: at 17:00 the k-th of {@link
   * #LAST_TEN_WEEKDAYS} draws k kW and at 18:00 k + 1 kW; 03-30 and 03-31 (older weekdays) draw 100
   * kW in both hours; weekend days 50 kW; every other hour 2 kW. The event day carries {@code
   * eventDayKw} outside 17–19 (its 13–16 load drives the same-day adjustment).
   */
  static LoadHistory weekdayHistory(double eventDayKw) {
    return hourly(
        LocalDate.of(2026, 3, 30),
        EVENT_DAY,
        UTC,
        (day, hour) -> {
          if (day.equals(EVENT_DAY)) {
            return hour < 17 ? eventDayKw : null;
          }
          if (hour != 17 && hour != 18) {
            return 2.0;
          }
          if (Baselines.isWeekend(day)) {
            return 50.0;
          }
          for (int k = 0; k < LAST_TEN_WEEKDAYS.length; k++) {
            if (LAST_TEN_WEEKDAYS[k].equals(day)) {
              return (k + 1) + (hour == 18 ? 1.0 : 0.0);
            }
          }
          return 100.0;
        });
  }
}
