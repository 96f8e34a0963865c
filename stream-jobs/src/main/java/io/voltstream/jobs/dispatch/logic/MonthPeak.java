package io.voltstream.jobs.dispatch.logic;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The billing month's highest 15-minute average grid import, tracked from the samples the job sees
 * every decision interval, as the tariff bills it (import register only: exports inside a quarter
 * do not offset its imports; quarters aligned to the quarter hour; the month in the tariff's zone).
 *
 * @param month year × 100 + month of the current billing month (0 = none yet)
 * @param quarterStart start of the quarter hour being accumulated (null = none yet)
 * @param importWs import energy of that quarter so far [W·s]
 * @param seconds seconds sampled in that quarter
 * @param monthPeakImportW highest completed quarter's average import this month [W]
 */
public record MonthPeak(
    int month, Instant quarterStart, double importWs, double seconds, double monthPeakImportW) {
  static final Duration QUARTER = Duration.ofMinutes(15);

  public static MonthPeak empty() {
    return new MonthPeak(0, null, 0, 0, 0);
  }

  /**
   * Adds {@code importW} (negative = export, counted as 0) held for {@code step} from {@code at}.
   */
  public MonthPeak observe(Instant at, Duration step, double importW, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    int m = local.getYear() * 100 + local.getMonthValue();
    Instant quarter =
        Instant.ofEpochSecond(
            Math.floorDiv(at.getEpochSecond(), QUARTER.toSeconds()) * QUARTER.toSeconds());
    double peak = monthPeakImportW;
    double ws = importWs;
    double s = seconds;
    if (quarterStart != null && !quarter.equals(quarterStart)) {
      // The quarter is over (aligned quarters never straddle a month): it counts towards its month.
      if (s > 0) {
        peak = Math.max(peak, ws / s);
      }
      ws = 0;
      s = 0;
    }
    if (m != month) {
      peak = 0;
    }
    return new MonthPeak(
        m,
        quarter,
        ws + Math.max(0.0, importW) * step.toMillis() / 1000.0,
        s + step.toMillis() / 1000.0,
        peak);
  }
}
