package io.voltstream.forecast.cli;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.evaluation.BlendForecaster;

/** Wraps a model forecaster in the configured blend with the persistence ensemble. */
final class ModelForecasters {
  private ModelForecasters() {}

  static Forecaster withBlend(String id, Forecaster model, double blend) {
    return blend >= 1.0
        ? model
        : new BlendForecaster(id, model, Baselines.persistenceEnsemble(), blend);
  }
}
