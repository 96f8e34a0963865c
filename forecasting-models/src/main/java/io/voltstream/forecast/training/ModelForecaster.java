package io.voltstream.forecast.training;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.features.FeatureExtractor;
import io.voltstream.forecast.features.FeatureVector;
import io.voltstream.forecast.features.PastView;
import java.time.Instant;
import java.util.List;

/**
 * A trained regressor used as a {@link Forecaster}: features from the past view, prediction turned
 * back into the target's unit ({@link FeatureVector#forecast}: plus the base, times the level),
 * clipped at zero (energy is never negative). Where the model cannot predict (no level, unknown
 * features) it answers with the persistence ensemble for that hour.
 */
public final class ModelForecaster implements Forecaster {
  private final String id;
  private final FeatureExtractor extractor;
  private final FittedRegressor regressor;
  private final CovariateOracle weatherForecast;

  public ModelForecaster(
      String id,
      FeatureExtractor extractor,
      FittedRegressor regressor,
      CovariateOracle weatherForecast) {
    if (!extractor.names().equals(regressor.featureNames())) {
      throw new IllegalArgumentException(
          "model features "
              + regressor.featureNames()
              + " differ from extractor features "
              + extractor.names());
    }
    this.id = id;
    this.extractor = extractor;
    this.regressor = regressor;
    this.weatherForecast = weatherForecast;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public double[] forecast(PastView past, List<Instant> targets) {
    double[] out = new double[targets.size()];
    FeatureVector[] vectors = new FeatureVector[out.length];
    double[][] rows = new double[out.length][];
    for (int i = 0; i < out.length; i++) {
      vectors[i] = extractor.extract(past, targets.get(i), weatherForecast);
      rows[i] = vectors[i].values();
    }
    double[] predicted = predictOrNaN(rows);
    for (int i = 0; i < out.length; i++) {
      double p = vectors[i].forecast(predicted[i]);
      out[i] =
          Double.isFinite(p) ? Math.max(0, p) : Baselines.persistenceEnsemble(past, targets.get(i));
    }
    return out;
  }

  private double[] predictOrNaN(double[][] rows) {
    try {
      return regressor.predictAll(rows);
    } catch (IllegalArgumentException e) {
      // Tribuo refuses an example with no known feature: treat as "cannot predict".
      double[] nan = new double[rows.length];
      java.util.Arrays.fill(nan, Double.NaN);
      return nan;
    }
  }
}
