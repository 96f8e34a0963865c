package io.voltstream.forecast.training;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a regressor on a {@link TrainingSet}, turning every failure into a {@link TrainingError}
 * so callers (CLI, streaming service) decide what to do instead of catching library exceptions.
 */
public final class ModelTrainingService {
  private static final Logger LOG = LoggerFactory.getLogger(ModelTrainingService.class);
  public static final int MIN_SAMPLES = 48;

  private final RegressorFitter fitter;

  public ModelTrainingService(RegressorFitter fitter) {
    this.fitter = fitter;
  }

  public TrainingResult train(TrainingSet set) {
    if (set.size() == 0 && set.skipped() == 0) {
      return new TrainingResult.Failed(
          TrainingError.NO_DATA_IN_RANGE, "no hours in the training range");
    }
    if (set.size() < MIN_SAMPLES) {
      return new TrainingResult.Failed(
          TrainingError.TOO_FEW_SAMPLES,
          set.size()
              + " usable samples ("
              + set.skipped()
              + " skipped for missing lags), need "
              + MIN_SAMPLES
              + ": the history needs at least 8 days");
    }
    double first = set.y()[0];
    boolean constant = true;
    for (double v : set.y()) {
      if (v != first) {
        constant = false;
        break;
      }
    }
    if (constant) {
      return new TrainingResult.Failed(
          TrainingError.CONSTANT_TARGET, "every target value is " + first);
    }
    try {
      long t0 = System.nanoTime();
      FittedRegressor regressor = fitter.fit(set.featureNames(), set.x(), set.y());
      LOG.info(
          "Trained {} on {} samples in {} ms",
          fitter.algorithm(),
          set.size(),
          (System.nanoTime() - t0) / 1_000_000);
      return new TrainingResult.Trained(regressor, set.size());
    } catch (RuntimeException e) {
      LOG.warn("Fitting {} failed", fitter.algorithm(), e);
      return new TrainingResult.Failed(TrainingError.FIT_FAILED, String.valueOf(e.getMessage()));
    }
  }
}
