package io.voltstream.forecast.pv;

import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.PastView;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

/**
 * The observed clear-sky index of a span: observed generation / clear-sky generation, summed over
 * the span's hours that have an observation and some sun (a ratio of sums, so bright hours weigh
 * most and dawn hours cannot blow it up).
 *
 * @param observedKwh the observed generation of those hours
 * @param clearSkyKwh their clear-sky generation
 */
public record ClearSkyIndex(double observedKwh, double clearSkyKwh) {
  public static final ClearSkyIndex NONE = new ClearSkyIndex(0, 0);

  /** Over the hours [from, to) of the past (to ≤ the origin). */
  public static ClearSkyIndex over(
      PastView past, ToDoubleFunction<Instant> clearSkyKwh, Instant from, Instant to) {
    double observed = 0;
    double clear = 0;
    for (Instant t = from; t.isBefore(to); t = t.plus(HourlySeries.STEP)) {
      double cs = clearSkyKwh.applyAsDouble(t);
      if (cs <= 0) {
        continue;
      }
      double obs = past.target(t);
      if (Double.isFinite(obs)) {
        observed += Math.max(0, obs);
        clear += cs;
      }
    }
    return new ClearSkyIndex(observed, clear);
  }

  /** The ratio; NaN without clear-sky energy. */
  public double value() {
    return clearSkyKwh > 0 ? observedKwh / clearSkyKwh : Double.NaN;
  }

  /**
   * This span's index shrunk towards {@code prior}, which counts as {@code priorClearSkyKwh} of
   * clear-sky energy: a few dim morning hours move the estimate a little, a bright half day a lot.
   */
  public double shrunkTowards(double prior, double priorClearSkyKwh) {
    return (observedKwh + prior * priorClearSkyKwh) / (clearSkyKwh + priorClearSkyKwh);
  }
}
