package io.voltstream.forecast.features;

/**
 * What the regressor learns. {@code NONE}: the target (divided by the level). {@code RESIDUAL}: the
 * target minus the persistence ensemble (the same-hour mean of the last 7 days, also divided by the
 * level), so the trees learn corrections to the baseline and whatever they cannot learn (shrinkage,
 * few rounds, a leaf with little data) defaults to the baseline instead of the training mean.
 */
public enum TargetTransform {
  NONE,
  RESIDUAL
}
