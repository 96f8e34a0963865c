package io.voltstream.forecast.features;

import java.util.Set;

/**
 * Which of the extractor's load features a model uses. {@code FULL}: all of them. {@code COMPACT}:
 * without the noisiest ones for spiky residential load (the spread of the last week's same hour,
 * the last hours before the origin, the 48/72/336 h lags, the lead, which at midnight origins
 * repeats the hour of day), chosen on the first three rolling-origin folds
 * (forecasting-models/README.md).
 */
public enum FeatureSet {
  FULL(Set.of()),
  COMPACT(
      Set.of(
          "lead_hours",
          "lag_48h",
          "lag_72h",
          "lag_336h",
          "same_hour_min_7d",
          "same_hour_max_7d",
          "same_hour_std_7d",
          "max_24h_before_origin",
          "last_hour",
          "mean_last_3h"));

  private final Set<String> dropped;

  FeatureSet(Set<String> dropped) {
    this.dropped = dropped;
  }

  /** Whether a feature of this name is in the set. */
  public boolean includes(String feature) {
    return !dropped.contains(feature);
  }
}
