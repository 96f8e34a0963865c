package io.voltstream.energy.market;

/**
 * How a market matches its orders (issue 10, after GSy-e's two-sided markets).
 *
 * <ul>
 *   <li>{@link #PAY_AS_CLEAR}: orders rest until the slot's gate closure, then one uniform-price
 *       double auction clears the slot ({@link UniformPriceAuction}).
 *   <li>{@link #PAY_AS_BID}: a continuous order book per slot; an arriving order that crosses the
 *       book trades at once at the bid's price ({@link OrderBook}); the book closes at gate
 *       closure.
 * </ul>
 */
public enum MarketMode {
  PAY_AS_CLEAR,
  PAY_AS_BID
}
