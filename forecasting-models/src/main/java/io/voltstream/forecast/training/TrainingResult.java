package io.voltstream.forecast.training;

import java.util.Objects;

/** The outcome of training: a model with its sample count, or a typed error with detail. */
public sealed interface TrainingResult {
  record Trained(FittedRegressor regressor, int samples) implements TrainingResult {
    public Trained {
      Objects.requireNonNull(regressor, "regressor");
    }
  }

  record Failed(TrainingError error, String detail) implements TrainingResult {
    public Failed {
      Objects.requireNonNull(error, "error");
    }
  }
}
