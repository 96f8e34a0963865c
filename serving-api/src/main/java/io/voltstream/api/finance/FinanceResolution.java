package io.voltstream.api.finance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The periods {@code GET /analytics/financial} sums the 15-minute {@code building_finance} rows
 * into: local hours, days or months of the building's tariff zone (so a day is a local calendar
 * day, 23 or 25 hours long across a DST change, and a month a calendar month).
 */
public enum FinanceResolution {
  HOUR,
  DAY,
  MONTH;

  /** The start of the local period holding {@code at}. */
  public Instant periodStart(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return switch (this) {
      case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
      case DAY -> local.toLocalDate().atStartOfDay(zone).toInstant();
      case MONTH -> local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
    };
  }

  /** The start of the period after the one starting at {@code start}. */
  public Instant nextPeriodStart(Instant start, ZoneId zone) {
    ZonedDateTime local = start.atZone(zone);
    return switch (this) {
      case HOUR -> start.plus(1, ChronoUnit.HOURS);
      case DAY -> local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
      case MONTH ->
          local.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
    };
  }
}
