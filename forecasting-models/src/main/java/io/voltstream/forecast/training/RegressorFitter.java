package io.voltstream.forecast.training;

import java.util.List;

/**
 * Fits a regressor on a feature matrix. The seam between our training logic and the ML library:
 * tests stub it, {@link TribuoFitter} is the real one. {@code NaN} in {@code x} means "missing".
 */
public interface RegressorFitter {
  /** Algorithm name recorded in metadata, e.g. {@code xgboost}. */
  String algorithm();

  FittedRegressor fit(List<String> featureNames, double[][] x, double[] y);
}
