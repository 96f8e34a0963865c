package io.voltstream.energy.market;

/** Which side of the market an order is on: a bid to buy energy or an offer to sell it. */
public enum OrderSide {
  BUY,
  SELL
}
