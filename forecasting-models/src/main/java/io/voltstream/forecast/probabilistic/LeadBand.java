package io.voltstream.forecast.probabilistic;

import java.time.Duration;

/**
 * How far ahead a forecast was made, in three bands. The lead of a forecast hour is the time from
 * the run's origin (the hour the run starts in) to the start of the forecast hour (the {@code
 * lead_hours} field of {@code forecasts}): the hour the run is in has lead 0. A forecast hour ends
 * one hour after its lead, so the bands are named by when the hour ends:
 *
 * <ul>
 *   <li>{@link #H0_6} ({@code 0-6h}): the hour ends within 6 h of the origin, 0 h ≤ lead &lt; 6 h
 *   <li>{@link #H6_24} ({@code 6-24h}): 6 h ≤ lead &lt; 23 h
 *   <li>{@link #DAY_AHEAD} ({@code day_ahead}): the hour ends 24 h or more after the origin, lead ≥
 *       23 h; for the hourly service (24 hours per run, leads 0..23 h) that is exactly the forecast
 *       made a day before the hour's end, the longest lead it serves
 * </ul>
 */
public enum LeadBand {
  H0_6("0-6h"),
  H6_24("6-24h"),
  DAY_AHEAD("day_ahead");

  private static final Duration SIX_HOURS = Duration.ofHours(6);
  private static final Duration DAY_AHEAD_LEAD = Duration.ofHours(23);

  private final String id;

  LeadBand(String id) {
    this.id = id;
  }

  /** The tag value ({@code 0-6h}, {@code 6-24h}, {@code day_ahead}). */
  public String id() {
    return id;
  }

  /** The band of a lead; a negative lead (a forecast of the past) is rejected. */
  public static LeadBand of(Duration lead) {
    if (lead.isNegative()) {
      throw new IllegalArgumentException("lead must not be negative: " + lead);
    }
    if (lead.compareTo(SIX_HOURS) < 0) {
      return H0_6;
    }
    return lead.compareTo(DAY_AHEAD_LEAD) < 0 ? H6_24 : DAY_AHEAD;
  }
}
