package io.voltstream.model.market;

/** What a record of {@code market-orders} asks: place a new order or cancel a resting one. */
public enum OrderAction {
  SUBMIT,
  CANCEL
}
