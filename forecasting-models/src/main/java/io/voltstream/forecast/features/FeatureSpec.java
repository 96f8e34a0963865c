package io.voltstream.forecast.features;

import java.util.List;
import java.util.Objects;

/**
 * Which features a model uses: the weather columns and their mode, the normalisation, the target
 * transform and the load feature set. Stored in a model's metadata so prediction builds exactly the
 * training features and inverts the training target; metadata saved before the last two existed
 * reads as {@code NONE} and {@code FULL} (what those models were trained with).
 */
public record FeatureSpec(
    List<String> weatherColumns,
    WeatherMode weatherMode,
    Normalization normalization,
    TargetTransform targetTransform,
    FeatureSet featureSet) {
  public FeatureSpec {
    weatherColumns = List.copyOf(Objects.requireNonNull(weatherColumns, "weatherColumns"));
    Objects.requireNonNull(weatherMode, "weatherMode");
    Objects.requireNonNull(normalization, "normalization");
    targetTransform = targetTransform == null ? TargetTransform.NONE : targetTransform;
    featureSet = featureSet == null ? FeatureSet.FULL : featureSet;
    if (weatherMode != WeatherMode.NONE && weatherColumns.isEmpty()) {
      throw new IllegalArgumentException("weatherMode " + weatherMode + " needs weather columns");
    }
  }

  /** A spec whose model learns the (normalised) target itself from all load features. */
  public FeatureSpec(
      List<String> weatherColumns, WeatherMode weatherMode, Normalization normalization) {
    this(weatherColumns, weatherMode, normalization, TargetTransform.NONE, FeatureSet.FULL);
  }

  /** Load history and calendar only: works wherever only energy is known (the live buildings). */
  public static FeatureSpec loadOnly(Normalization normalization) {
    return new FeatureSpec(List.of(), WeatherMode.NONE, normalization);
  }

  /** This spec with {@code transform} and {@code features} instead. */
  public FeatureSpec with(TargetTransform transform, FeatureSet features) {
    return new FeatureSpec(weatherColumns, weatherMode, normalization, transform, features);
  }

  /** This spec on load history and calendar only (for history that has no weather columns). */
  public FeatureSpec withoutWeather() {
    return new FeatureSpec(List.of(), WeatherMode.NONE, normalization, targetTransform, featureSet);
  }

  public boolean usesWeather() {
    return weatherMode != WeatherMode.NONE;
  }
}
