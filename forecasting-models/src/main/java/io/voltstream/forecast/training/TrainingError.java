package io.voltstream.forecast.training;

/** Why training did not produce a model. Callers switch on it; no exception escapes training. */
public enum TrainingError {
  /** The requested training range holds no hours of the series. */
  NO_DATA_IN_RANGE,
  /** Fewer usable samples than the minimum (history too short for the lags). */
  TOO_FEW_SAMPLES,
  /** The target is constant: a model would learn nothing a baseline does not know. */
  CONSTANT_TARGET,
  /** The library threw while fitting. */
  FIT_FAILED
}
