package io.voltstream.forecast.features;

/**
 * Where weather features come from. {@code OBSERVED} uses only observations before the origin
 * (honest: what a forecaster knows). {@code PERFECT_FORECAST} also uses the actual weather at the
 * target hour, standing in for a perfect weather forecast; figures from it are an upper bound and
 * are always labelled as such.
 */
public enum WeatherMode {
  NONE,
  OBSERVED,
  PERFECT_FORECAST
}
