package io.voltstream.jobs.rules.logic;

import io.voltstream.model.rules.RuleCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The trailing event-time window of a rule: the {@code aggregate} (avg, min, max) of one metric
 * over the samples with {@code end − window < at ≤ end}. Every sample counts once, whichever sensor
 * of the room sent it (a room's average is the mean of its sensors' readings, not of per-sensor
 * means; for {@code power} that is the mean reading, not the room's total). Empty when no sample in
 * the window carries the metric: no data, no decision.
 */
public final class TrailingWindow {
  private TrailingWindow() {}

  public static OptionalDouble aggregate(
      Iterable<RuleSample> samples,
      RuleCondition.Metric metric,
      RuleCondition.Aggregate aggregate,
      Instant end,
      Duration window) {
    Instant start = end.minus(window);
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (RuleSample s : samples) {
      Double v = s.value(metric);
      if (v == null || !Double.isFinite(v) || !s.at().isAfter(start) || s.at().isAfter(end)) {
        continue;
      }
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      n++;
    }
    if (n == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        switch (aggregate) {
          case AVG -> sum / n;
          case MIN -> min;
          case MAX -> max;
        });
  }

  /**
   * Whether {@code s} is still inside a window of {@code window} ending at or after {@code now}.
   */
  public static boolean retained(RuleSample s, Instant now, Duration window) {
    return s.at().isAfter(now.minus(window));
  }
}
