package io.voltstream.forecast.training;

import java.util.Locale;

/**
 * XGBoost hyper-parameters. Residential load is spiky and two months of one house are few samples,
 * so the defaults are chosen for generalisation on rolling-origin folds, not fit (see the README).
 *
 * @param objective the loss
 * @param maxDepth tree depth
 * @param eta learning rate (shrinkage per round)
 * @param minChildWeight minimum hessian (≈ samples for squared loss) in a leaf
 * @param lambda L2 penalty on leaf weights
 * @param subsample fraction of rows per tree
 * @param columnSubsample fraction of features per tree
 * @param bag models averaged (each with its own row/column sampling seed); 1 = a single model
 */
public record BoostingParams(
    Objective objective,
    int maxDepth,
    double eta,
    double minChildWeight,
    double lambda,
    double subsample,
    double columnSubsample,
    int bag) {

  /** XGBoost objectives Tribuo offers that suit a non-negative, heavy-tailed target. */
  public enum Objective {
    /** Squared error: predicts the conditional mean, which RMSE rewards; spikes pull hard. */
    SQUARED,
    /** Pseudo-Huber: squared near zero, linear in the tails, so spikes pull less. */
    PSEUDO_HUBER,
    /**
     * Tweedie (log link, variance ∝ mean^1.5): for non-negative targets with a heavy right tail.
     */
    TWEEDIE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The configuration before issue 11 (depth 4, η 0.05, min child weight 5, λ 1). */
  public static final BoostingParams PREVIOUS =
      new BoostingParams(Objective.SQUARED, 4, 0.05, 5.0, 1.0, 0.8, 0.8, 1);

  public BoostingParams {
    if (maxDepth < 1 || !(eta > 0 && eta <= 1) || minChildWeight < 0 || lambda < 0) {
      throw new IllegalArgumentException(
          "bad boosting parameters: depth "
              + maxDepth
              + ", eta "
              + eta
              + ", min child weight "
              + minChildWeight
              + ", lambda "
              + lambda);
    }
    if (bag < 1) {
      throw new IllegalArgumentException("bag must be ≥ 1, got " + bag);
    }
    if (!(subsample > 0 && subsample <= 1) || !(columnSubsample > 0 && columnSubsample <= 1)) {
      throw new IllegalArgumentException(
          "subsample fractions must be in (0, 1]: " + subsample + ", " + columnSubsample);
    }
  }
}
