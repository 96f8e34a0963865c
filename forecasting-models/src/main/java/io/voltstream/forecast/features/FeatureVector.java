package io.voltstream.forecast.features;

/**
 * Features of one target hour, the level they were normalised by ({@code 1} without normalisation)
 * and the base the model's output is added to ({@code 0}, or the persistence ensemble divided by
 * the level for {@link TargetTransform#RESIDUAL}). A model learns {@link #label} and the forecast
 * is {@link #forecast} of its prediction.
 */
public record FeatureVector(double[] values, double level, double base) {
  /** What the model is trained to predict for this actual value. */
  public double label(double actual) {
    return actual / level - base;
  }

  /** The forecast in the target's unit for a model prediction (the inverse of {@link #label}). */
  public double forecast(double prediction) {
    return (prediction + base) * level;
  }
}
