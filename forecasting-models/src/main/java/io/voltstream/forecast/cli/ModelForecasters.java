package io.voltstream.forecast.cli;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.evaluation.BlendForecaster;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.features.FeatureExtractor;
import io.voltstream.forecast.training.ModelForecaster;
import io.voltstream.forecast.training.ModelTrainingService;
import io.voltstream.forecast.training.TrainingResult;
import io.voltstream.forecast.training.TrainingSet;
import io.voltstream.forecast.training.TribuoFitter;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * Trains the configured model and wraps it in the configured blend with the persistence ensemble.
 */
final class ModelForecasters {
  private ModelForecasters() {}

  static Forecaster withBlend(String id, Forecaster model, double blend) {
    return blend >= 1.0
        ? model
        : new BlendForecaster(id, model, Baselines.persistenceEnsemble(), blend);
  }

  /**
   * Fits {@code model}'s configuration on the origins in [from, to) of {@code history} (which the
   * caller has already cut so nothing after {@code to} is visible) and returns the blended
   * forecaster, or the training failure.
   */
  static TrainingResult train(
      ModelOptions model,
      HourlySeries history,
      Instant from,
      Instant to,
      CovariateOracle weatherForecast,
      String source,
      PrintWriter err) {
    var set =
        TrainingSet.build(
            new FeatureExtractor(model.featureSpec()),
            history,
            from,
            to,
            model.originStride,
            weatherForecast);
    err.printf(
        "training %s on %d samples (%d skipped: first week has no lags)…%n",
        model.algorithm.id(), set.size(), set.skipped());
    return new ModelTrainingService(fitter(model, source)).train(set);
  }

  static TribuoFitter fitter(ModelOptions model, String source) {
    return new TribuoFitter(model.algorithm, model.trees, model.boosting(), source);
  }

  static Forecaster forecaster(
      ModelOptions model, TrainingResult.Trained trained, CovariateOracle weatherForecast) {
    String id = model.algorithm.id();
    return withBlend(
        id,
        new ModelForecaster(
            id, new FeatureExtractor(model.featureSpec()), trained.regressor(), weatherForecast),
        model.blend);
  }
}
