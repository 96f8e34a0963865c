package io.voltstream.forecast.features;

import io.voltstream.forecast.data.HourlySeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a forecaster may see at its origin: the series strictly before {@code origin}. Any read at
 * or after the origin throws {@link FutureAccessException}, so a leaking feature fails loudly
 * instead of silently improving the figures. Values before the series start are {@code NaN}.
 */
public record PastView(HourlySeries series, Instant origin) {
  public PastView {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(origin, "origin");
  }

  public double target(Instant hour) {
    guard(hour);
    return series.target(hour);
  }

  public double covariate(String name, Instant hour) {
    guard(hour);
    return series.covariate(name, hour);
  }

  public boolean hasCovariate(String name) {
    return series.hasCovariate(name);
  }

  /** Mean of the non-missing target values in [origin − window, origin); NaN when none. */
  public double meanBeforeOrigin(Duration window) {
    double sum = 0;
    int n = 0;
    for (Instant t = origin.minus(window); t.isBefore(origin); t = t.plus(HourlySeries.STEP)) {
      double v = target(t);
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Mean of a covariate in [origin − window, origin); NaN when none. */
  public double covariateMeanBeforeOrigin(String name, Duration window) {
    double sum = 0;
    int n = 0;
    for (Instant t = origin.minus(window); t.isBefore(origin); t = t.plus(HourlySeries.STEP)) {
      double v = covariate(name, t);
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Number of hours with a target value in [origin − window, origin). */
  public int availableHours(Duration window) {
    int n = 0;
    for (Instant t = origin.minus(window); t.isBefore(origin); t = t.plus(HourlySeries.STEP)) {
      if (!Double.isNaN(target(t))) {
        n++;
      }
    }
    return n;
  }

  private void guard(Instant hour) {
    if (!hour.isBefore(origin)) {
      throw new FutureAccessException(hour, origin);
    }
  }
}
