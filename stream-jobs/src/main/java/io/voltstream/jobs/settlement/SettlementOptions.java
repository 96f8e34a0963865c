package io.voltstream.jobs.settlement;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;

/** Settings of the settlement job ({@code voltstream config} lists them under "settlement job"). */
public final class SettlementOptions {
  public static final Option<Duration> FLUSH_INTERVAL =
      Option.of(
          "VOLTSTREAM_SETTLEMENT_FLUSH_INTERVAL",
          ValueType.positiveDuration(),
          "1m",
          "Event time between two integrations of a building's buffered meter samples; must divide"
              + " 15 minutes");
  public static final Option<Duration> STALE_AFTER =
      Option.of(
          "VOLTSTREAM_SETTLEMENT_STALE_AFTER",
          ValueType.positiveDuration(),
          "2m",
          "A meter's power or a battery's state holds this long after its reading (event time),"
              + " then counts as unknown");
  public static final Option<Duration> CORRECTION_WINDOW =
      Option.of(
          "VOLTSTREAM_SETTLEMENT_CORRECTION_WINDOW",
          ValueType.positiveDuration(),
          "24h",
          "How long after its end a settled slot is kept so that a late trade or DR report"
              + " re-settles it");

  private SettlementOptions() {}

  public static List<Option<?>> all() {
    return List.of(FLUSH_INTERVAL, STALE_AFTER, CORRECTION_WINDOW);
  }
}
