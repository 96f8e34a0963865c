package io.voltstream.forecast.features;

/**
 * How target-valued features and the target are scaled. {@code LEVEL} divides them by the mean of
 * the week before the origin, so one model transfers between a 60 Wh/h house and a 40 kWh/h office.
 */
public enum Normalization {
  NONE,
  LEVEL
}
