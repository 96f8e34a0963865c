package io.voltstream.energy.dr.baseline;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The optional same-day adjustment of a baseline: factor = the event day's actual mean load over
 * [start − 4 h, start − 1 h) ÷ the used days' mean load over the same local window, capped to [0.8,
 * 1.2], multiplied into every interval. Skipped, with the reason in the note, when any of those
 * loads is incomplete or the baseline there is not positive.
 */
final class SameDayAdjustment {
  private SameDayAdjustment() {}

  /** Scales {@code kw} in place and appends what was done to {@code note}. */
  static void apply(
      LoadHistory history,
      EventWindow window,
      List<DayLoad> used,
      double[] kw,
      StringBuilder note) {
    Instant actualTo = window.start().minus(Baselines.ADJUSTMENT_GAP);
    Instant actualFrom = actualTo.minus(Baselines.ADJUSTMENT_WINDOW);
    String span = window.localSpan(actualFrom, actualTo);
    OptionalDouble actual = history.meanKw(actualFrom, actualTo);
    if (actual.isEmpty()) {
      note.append("; " + Baselines.ADJUSTMENT_SKIPPED_NOTE + ": the event day's load over ")
          .append(span)
          .append(" is incomplete");
      return;
    }
    double baselineSum = 0;
    for (DayLoad day : used) {
      Instant to = window.startOn(day.day()).minus(Baselines.ADJUSTMENT_GAP);
      OptionalDouble kwThen = history.meanKw(to.minus(Baselines.ADJUSTMENT_WINDOW), to);
      if (kwThen.isEmpty()) {
        note.append("; " + Baselines.ADJUSTMENT_SKIPPED_NOTE + ": baseline day ")
            .append(day.day())
            .append(" has incomplete load over ")
            .append(span);
        return;
      }
      baselineSum += kwThen.getAsDouble();
    }
    double unadjusted = baselineSum / used.size();
    if (unadjusted <= 0) {
      note.append("; " + Baselines.ADJUSTMENT_SKIPPED_NOTE + ": the baseline over ")
          .append(span)
          .append(" is not positive");
      return;
    }
    double raw = actual.getAsDouble() / unadjusted;
    double factor =
        Math.max(1 - Baselines.ADJUSTMENT_CAP, Math.min(1 + Baselines.ADJUSTMENT_CAP, raw));
    for (int i = 0; i < kw.length; i++) {
      kw[i] *= factor;
    }
    note.append(
        String.format(
            Locale.ROOT,
            "; same-day adjustment ×%.3f (actual %.3f kW / baseline %.3f kW over %s)",
            factor,
            actual.getAsDouble(),
            unadjusted,
            span));
    if (factor != raw) {
      note.append(
          String.format(
              Locale.ROOT,
              Baselines.CAPPED_NOTE + "%s%.0f %% (uncapped ×%.3f)",
              raw > 1 ? "+" : "−",
              Baselines.ADJUSTMENT_CAP * 100,
              raw));
    }
  }
}
