package io.voltstream.jobs.marketagents;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the market agents job ({@code voltstream config} lists them under "market agents
 * job").
 */
public final class MarketAgentsOptions {
  public static final Option<Duration> UPDATE_INTERVAL =
      Option.of(
          "VOLTSTREAM_MARKET_AGENTS_UPDATE_INTERVAL",
          ValueType.duration(Duration.ofSeconds(1), Duration.ofMinutes(14)),
          "1m",
          "Event time between two updates of an agent's orders (the price ramp's step; whole"
              + " seconds)");
  public static final Option<Integer> HORIZON_SLOTS =
      Option.of(
          "VOLTSTREAM_MARKET_AGENTS_HORIZON_SLOTS",
          ValueType.integer(1, 96),
          "2",
          "How many 15-minute slots ahead an agent trades (a slot is traded from this many slots"
              + " before its gate closure)");
  public static final Option<Double> MIN_ORDER_KWH =
      Option.of(
          "VOLTSTREAM_MARKET_AGENTS_MIN_ORDER_KWH",
          ValueType.number(0, 1000),
          "0.01",
          "Smaller quantities are not ordered [kWh]");
  public static final Option<Double> SELL_STORED_ABOVE_SOC =
      Option.of(
          "VOLTSTREAM_MARKET_AGENTS_SELL_STORED_ABOVE_SOC",
          ValueType.number(0, 100),
          "90",
          "Battery energy above this SoC may be offered [%] (100: never)");
  public static final Option<Duration> STALE_AFTER =
      Option.of(
          "VOLTSTREAM_MARKET_AGENTS_STALE_AFTER",
          ValueType.positiveDuration(),
          "2m",
          "A sensor's power or a battery's state older than this (event time) is forgotten");
  public static final Option<Duration> FORECAST_MAX_AGE =
      Option.of(
          "VOLTSTREAM_MARKET_AGENTS_FORECAST_MAX_AGE",
          ValueType.positiveDuration(),
          "2h",
          "A forecast issued further than this from the update's event time is not used"
              + " (persistence instead)");

  private MarketAgentsOptions() {}

  public static List<Option<?>> all() {
    return List.of(
        UPDATE_INTERVAL,
        HORIZON_SLOTS,
        MIN_ORDER_KWH,
        SELL_STORED_ABOVE_SOC,
        STALE_AFTER,
        FORECAST_MAX_AGE);
  }
}
