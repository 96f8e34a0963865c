package io.voltstream.forecast.evaluation;

import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.features.PastView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers a forecaster's answer per (origin, targets), so blends of one model cost one
 * prediction.
 */
public final class CachingForecaster implements Forecaster {
  private final Forecaster delegate;
  private final Map<String, double[]> cache = new HashMap<>();

  public CachingForecaster(Forecaster delegate) {
    this.delegate = delegate;
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public double[] forecast(PastView past, List<Instant> targets) {
    String key = past.origin() + "|" + targets;
    return cache.computeIfAbsent(key, k -> delegate.forecast(past, targets)).clone();
  }
}
