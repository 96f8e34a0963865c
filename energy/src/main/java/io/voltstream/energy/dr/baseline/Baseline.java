package io.voltstream.energy.dr.baseline;

import java.util.List;

/**
 * The load a building would have drawn over an event window without the event.
 *
 * @param perIntervalKw baseline [kW] per interval of the event window, from its start in steps of
 *     the history's interval (the last one may be shorter)
 * @param meanKw time-weighted mean over the whole window [kW]
 * @param method the method's wire name ({@code 10of10}, {@code high4of5}) or the fallback's ({@code
 *     pre_event})
 * @param note which days were used, why a fallback was taken, how the same-day adjustment applied
 * @param daysUsed number of past days averaged (0 for {@code pre_event})
 */
public record Baseline(
    List<Double> perIntervalKw, double meanKw, String method, String note, int daysUsed) {

  /** Wire name of the fallback used when no eligible day has complete data. */
  public static final String PRE_EVENT = "pre_event";

  public Baseline {
    perIntervalKw = List.copyOf(perIntervalKw);
  }
}
