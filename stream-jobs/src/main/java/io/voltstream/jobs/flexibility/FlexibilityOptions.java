package io.voltstream.jobs.flexibility;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the flexibility job ({@code voltstream config} lists them under "flexibility job").
 */
public final class FlexibilityOptions {
  public static final Option<Duration> INTERVAL =
      Option.of(
          "VOLTSTREAM_FLEXIBILITY_INTERVAL",
          ValueType.positiveDuration(),
          "10s",
          "Event time between two flexibility evaluations of a building");
  public static final Option<Duration> STALE_AFTER =
      Option.of(
          "VOLTSTREAM_FLEXIBILITY_STALE_AFTER",
          ValueType.positiveDuration(),
          "2m",
          "A device meter's power or a battery's state older than this (event time) is unknown");

  private FlexibilityOptions() {}

  public static List<Option<?>> all() {
    return List.of(INTERVAL, STALE_AFTER);
  }
}
