package io.voltstream.forecast.evaluation;

import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.features.PastView;
import java.time.Instant;
import java.util.List;

/**
 * {@code weight · model + (1 − weight) · reference}: shrinks a model toward a baseline (the
 * persistence ensemble), a guard against a model that validates well on a short window but is
 * over-confident. Where one side has no value the other is used alone.
 */
public final class BlendForecaster implements Forecaster {
  private final Forecaster model;
  private final Forecaster reference;
  private final double weight;
  private final String id;

  public BlendForecaster(String id, Forecaster model, Forecaster reference, double weight) {
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("blend weight must be in [0, 1], got " + weight);
    }
    this.id = id;
    this.model = model;
    this.reference = reference;
    this.weight = weight;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public double[] forecast(PastView past, List<Instant> targets) {
    double[] m = weight > 0 ? model.forecast(past, targets) : null;
    double[] r = weight < 1 ? reference.forecast(past, targets) : null;
    double[] out = new double[targets.size()];
    for (int i = 0; i < out.length; i++) {
      double a = m == null ? Double.NaN : m[i];
      double b = r == null ? Double.NaN : r[i];
      if (m == null) {
        out[i] = b;
      } else if (r == null) {
        out[i] = a;
      } else if (Double.isNaN(a)) {
        out[i] = b;
      } else if (Double.isNaN(b)) {
        out[i] = a;
      } else {
        out[i] = weight * a + (1 - weight) * b;
      }
    }
    return out;
  }
}
