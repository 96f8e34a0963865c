package io.voltstream.jobs.market;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;

/** Settings of the market job ({@code voltstream config} lists them under "market job"). */
public final class MarketOptions {
  public static final Option<Duration> CLOSED_SLOT_RETENTION =
      Option.of(
          "VOLTSTREAM_MARKET_CLOSED_SLOT_RETENTION",
          ValueType.duration(Duration.ofMinutes(1), Duration.ofDays(2)),
          "1h",
          "How long after its gate closure a slot's final order states are kept (event time) to"
              + " answer late orders and cancels with the order's state; then the slot is deleted");
  public static final Option<Duration> ORDER_HORIZON =
      Option.of(
          "VOLTSTREAM_MARKET_ORDER_HORIZON",
          ValueType.duration(Duration.ofMinutes(15), Duration.ofDays(31)),
          "7d",
          "How far after its submitted_at an order's delivery slot may start (bounds the open"
              + " books); further ahead it is rejected");

  private MarketOptions() {}

  public static List<Option<?>> all() {
    return List.of(CLOSED_SLOT_RETENTION, ORDER_HORIZON);
  }
}
