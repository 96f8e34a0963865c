package io.voltstream.energy.market.agent;

import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import java.time.Duration;
import java.time.Instant;

/**
 * GSy-e-style price ramps (its {@code TemplateStrategyBidUpdater}/{@code OfferUpdater} with {@code
 * fit_to_limit}): a slot is traded from {@link #opensAt} ({@code horizonSlots} slots before its
 * gate closure) until {@link #lastUpdateAt} (one update interval before the gate closes, so that
 * the last order reaches the market in time). Over that window a buyer's price rises linearly from
 * the low end (the feed-in price) to the high end (the import price) and a seller's falls from the
 * high end to the low end; at the last update both stand at their final price, so a bid and an
 * offer of the same prices always cross. The price is a function of event time only (no update
 * counter), so a restarted agent quotes the same prices.
 */
public record PriceRamp(AgentSettings settings) {

  /** Prices are quoted to 0.0001 €/kWh. */
  public static final double PRICE_STEP_EUR_PER_KWH = 1e-4;

  /** When the agent starts trading the slot starting at {@code slot}. */
  public Instant opensAt(MarketSpec market, Instant slot) {
    return market.gateClosureOf(slot).minus(MarketSpec.SLOT.multipliedBy(settings.horizonSlots()));
  }

  /** The last moment the agent may update its order for the slot. */
  public Instant lastUpdateAt(MarketSpec market, Instant slot) {
    return market.gateClosureOf(slot).minus(settings.updateInterval());
  }

  /** Whether the agent places or updates an order for {@code slot} at {@code at}. */
  public boolean isTrading(Instant at, MarketSpec market, Instant slot) {
    return !at.isBefore(opensAt(market, slot)) && !at.isAfter(lastUpdateAt(market, slot));
  }

  /**
   * How far the ramp has come at {@code at}: 0 when the slot opens, 1 at its last update — also
   * when the next update would come after {@link #lastUpdateAt} (updates need not be aligned to
   * it).
   */
  public double progress(Instant at, MarketSpec market, Instant slot) {
    Instant opens = opensAt(market, slot);
    Instant last = lastUpdateAt(market, slot);
    if (at.plus(settings.updateInterval()).isAfter(last)) {
      return 1.0;
    }
    long window = Duration.between(opens, last).toMillis();
    if (window <= 0) {
      return 1.0;
    }
    double p = (double) Duration.between(opens, at).toMillis() / window;
    return Math.max(0.0, Math.min(1.0, p));
  }

  /**
   * The limit price of {@code side} at ramp {@code progress}: a bid low → high, an offer high →
   * low, rounded to {@link #PRICE_STEP_EUR_PER_KWH}.
   */
  public static double priceEurPerKwh(OrderSide side, SlotPrices prices, double progress) {
    double low = prices.lowEurPerKwh();
    double high = prices.highEurPerKwh();
    double p = Math.max(0.0, Math.min(1.0, progress));
    double price = side == OrderSide.BUY ? low + (high - low) * p : high - (high - low) * p;
    return Math.round(price / PRICE_STEP_EUR_PER_KWH) / 10_000.0;
  }
}
