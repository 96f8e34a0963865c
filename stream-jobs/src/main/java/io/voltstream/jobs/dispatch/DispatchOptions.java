package io.voltstream.jobs.dispatch;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;

/** Settings of the dispatch job ({@code voltstream config} lists them under "dispatch job"). */
public final class DispatchOptions {
  public static final Option<Duration> INTERVAL =
      Option.of(
          "VOLTSTREAM_DISPATCH_INTERVAL",
          ValueType.positiveDuration(),
          "10s",
          "Event time between two dispatch decisions of a building");
  public static final Option<Duration> COMMAND_VALIDITY =
      Option.of(
          "VOLTSTREAM_DISPATCH_COMMAND_VALIDITY",
          ValueType.positiveDuration(),
          "30s",
          "valid_until of a dispatch command = decision time + this");
  public static final Option<Duration> STALE_AFTER =
      Option.of(
          "VOLTSTREAM_DISPATCH_STALE_AFTER",
          ValueType.positiveDuration(),
          "5m",
          "A sensor's power or a battery's state older than this (event time) is forgotten");

  private DispatchOptions() {}

  public static List<Option<?>> all() {
    return List.of(INTERVAL, COMMAND_VALIDITY, STALE_AFTER);
  }
}
