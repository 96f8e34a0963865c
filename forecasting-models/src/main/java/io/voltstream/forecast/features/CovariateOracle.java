package io.voltstream.forecast.features;

import java.time.Instant;

/**
 * Weather at a target hour, as a weather forecast would supply it. Only used with {@link
 * WeatherMode#PERFECT_FORECAST}, where it returns the actual observations (an oracle).
 */
@FunctionalInterface
public interface CovariateOracle {
  CovariateOracle NONE = (name, hour) -> Double.NaN;

  double at(String name, Instant hour);
}
