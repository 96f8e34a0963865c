package io.voltstream.forecast.cli;

import io.voltstream.forecast.features.FeatureSet;
import io.voltstream.forecast.features.FeatureSpec;
import io.voltstream.forecast.features.Normalization;
import io.voltstream.forecast.features.TargetTransform;
import io.voltstream.forecast.features.WeatherMode;
import io.voltstream.forecast.training.BoostingParams;
import io.voltstream.forecast.training.TribuoFitter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Model and feature options shared by {@code train} and {@code evaluate}. The defaults are the
 * configuration chosen on the first three rolling-origin folds of {@code forecast evaluate} (see
 * the README); unset XGBoost options take {@link TribuoFitter#DEFAULT_BOOSTING}.
 */
public final class ModelOptions {
  @Option(
      names = "--algorithm",
      defaultValue = "XGBOOST",
      description = "XGBOOST (default), LINEAR_SGD or CART.")
  TribuoFitter.Algorithm algorithm;

  @Option(
      names = "--trees",
      defaultValue = "100",
      description = "XGBoost rounds (default ${DEFAULT-VALUE}).")
  int trees;

  @Option(
      names = "--weather",
      defaultValue = "NONE",
      description =
          "NONE (default), OBSERVED (only weather before the origin) or PERFECT_FORECAST "
              + "(actual weather of the target day as a perfect forecast: an upper bound).")
  WeatherMode weather;

  @Option(
      names = "--weather-columns",
      split = ",",
      defaultValue = "T_out,RH_out,Tdewpoint,Windspeed",
      description = "Weather columns of the CSV (default ${DEFAULT-VALUE}).")
  List<String> weatherColumns;

  @Option(
      names = "--normalization",
      defaultValue = "NONE",
      description =
          "NONE (default) or LEVEL (divide by the mean of the week before the origin: "
              + "scale-free, so a model transfers between buildings).")
  Normalization normalization;

  @Option(
      names = "--target-transform",
      defaultValue = "NONE",
      description =
          "What the model learns: NONE (the target; default) or RESIDUAL (the target minus the"
              + " persistence ensemble, added back when forecasting).")
  TargetTransform targetTransform;

  @Option(
      names = "--features",
      defaultValue = "FULL",
      description =
          "Load features: FULL (default) or COMPACT (without the last week's spread, the last"
              + " hours, the 48/72/336 h lags and the lead).")
  FeatureSet featureSet;

  @Option(
      names = "--origin-stride",
      defaultValue = "24h",
      converter = DurationConverter.class,
      description =
          "Distance between training origins: 24h (midnights, like the evaluation; default) or 1h.")
  Duration originStride;

  @Option(
      names = "--blend",
      defaultValue = "0.75",
      description =
          "Weight of the model against the persistence ensemble, 0..1 (default ${DEFAULT-VALUE}; 1"
              + " = model only).")
  double blend;

  @Option(
      names = "--objective",
      description = "XGBoost loss: SQUARED, PSEUDO_HUBER or TWEEDIE (default: see README).")
  BoostingParams.Objective objective;

  @Option(names = "--max-depth", description = "XGBoost tree depth.")
  Integer maxDepth;

  @Option(names = "--eta", description = "XGBoost learning rate.")
  Double eta;

  @Option(names = "--min-child-weight", description = "XGBoost minimum leaf weight.")
  Double minChildWeight;

  @Option(names = "--lambda", description = "XGBoost L2 penalty on leaf weights.")
  Double lambda;

  @Option(names = "--subsample", description = "XGBoost row fraction per tree.")
  Double subsample;

  @Option(names = "--bag", description = "XGBoost models averaged (different sampling seeds).")
  Integer bag;

  /** {@link TribuoFitter#DEFAULT_BOOSTING} with the options given on the command line. */
  BoostingParams boosting() {
    BoostingParams d = TribuoFitter.DEFAULT_BOOSTING;
    return new BoostingParams(
        objective == null ? d.objective() : objective,
        maxDepth == null ? d.maxDepth() : maxDepth,
        eta == null ? d.eta() : eta,
        minChildWeight == null ? d.minChildWeight() : minChildWeight,
        lambda == null ? d.lambda() : lambda,
        subsample == null ? d.subsample() : subsample,
        d.columnSubsample(),
        bag == null ? d.bag() : bag);
  }

  FeatureSpec featureSpec() {
    return new FeatureSpec(covariateColumns(), weather, normalization, targetTransform, featureSet);
  }

  List<String> covariateColumns() {
    return weather == WeatherMode.NONE ? List.of() : weatherColumns;
  }
}
