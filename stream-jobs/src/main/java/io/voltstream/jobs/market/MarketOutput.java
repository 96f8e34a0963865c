package io.voltstream.jobs.market;

import io.voltstream.model.market.MarketClearing;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.OrderUpdate;

/**
 * What the matching operator emits: a trade, a slot's clearing or an order update (exactly one is
 * set), split by {@link MarketJob} into their sinks.
 *
 * @param sequence a trade's number in its slot; an order update's position among the updates one
 *     event produced (0, 1, …): with the update's event time it gives every InfluxDB point of one
 *     event a distinct timestamp ({@link MarketPoints})
 */
public record MarketOutput(
    MarketTrade trade, MarketClearing clearing, OrderUpdate order, int sequence) {

  public static MarketOutput of(MarketTrade t, int sequence) {
    return new MarketOutput(t, null, null, sequence);
  }

  public static MarketOutput of(MarketClearing c) {
    return new MarketOutput(null, c, null, 0);
  }

  public static MarketOutput of(OrderUpdate u, int sequence) {
    return new MarketOutput(null, null, u, sequence);
  }
}
