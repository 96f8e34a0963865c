package io.voltstream.forecast.features;

import java.util.List;
import java.util.Objects;

/**
 * Which features a model uses: the weather columns and their mode, and the normalisation. Stored in
 * a model's metadata so prediction builds exactly the training features.
 */
public record FeatureSpec(
    List<String> weatherColumns, WeatherMode weatherMode, Normalization normalization) {
  public FeatureSpec {
    weatherColumns = List.copyOf(Objects.requireNonNull(weatherColumns, "weatherColumns"));
    Objects.requireNonNull(weatherMode, "weatherMode");
    Objects.requireNonNull(normalization, "normalization");
    if (weatherMode != WeatherMode.NONE && weatherColumns.isEmpty()) {
      throw new IllegalArgumentException("weatherMode " + weatherMode + " needs weather columns");
    }
  }

  /** Load history and calendar only: works wherever only energy is known (the live buildings). */
  public static FeatureSpec loadOnly(Normalization normalization) {
    return new FeatureSpec(List.of(), WeatherMode.NONE, normalization);
  }

  public boolean usesWeather() {
    return weatherMode != WeatherMode.NONE;
  }
}
