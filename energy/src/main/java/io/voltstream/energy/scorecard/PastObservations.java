package io.voltstream.energy.scorecard;

import java.time.Duration;
import java.time.Instant;

/**
 * What a forecaster may see at a re-plan: the series strictly before {@code origin}. Reading at or
 * after the origin throws, so a forecast that peeks at the future fails loudly instead of silently
 * improving the scorecard. Before the series start values are {@code NaN}.
 */
public final class PastObservations {
  private final ReplaySeries series;
  private final Instant origin;

  public PastObservations(ReplaySeries series, Instant origin) {
    this.series = series;
    this.origin = origin;
  }

  public Instant origin() {
    return origin;
  }

  public Duration resolution() {
    return series.step();
  }

  /** Mean consumption over [from, to) [W]; {@code to} must not be after the origin. */
  public double meanConsumptionW(Instant from, Instant to) {
    return mean(from, to, true);
  }

  /** Mean generation over [from, to) [W]; {@code to} must not be after the origin. */
  public double meanGenerationW(Instant from, Instant to) {
    return mean(from, to, false);
  }

  private double mean(Instant from, Instant to, boolean consumption) {
    if (to.isAfter(origin)) {
      throw new IllegalStateException(
          "read up to " + to + " is after the forecast origin " + origin);
    }
    int a = series.indexOf(from);
    int b = series.indexOf(to);
    double sum = 0;
    int n = 0;
    for (int i = Math.max(0, a); i < Math.min(b, series.size()); i++) {
      sum += consumption ? series.consumptionW(i) : series.generationW(i);
      n++;
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
