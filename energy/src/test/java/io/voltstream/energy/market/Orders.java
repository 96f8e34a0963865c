package io.voltstream.energy.market;

import java.time.Instant;

/** Short constructors for hand-written market cases. */
final class Orders {
  static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

  private Orders() {}

  static Order bid(String id, double kwh, double limit) {
    return bid(id, kwh, limit, 0);
  }

  static Order bid(String id, double kwh, double limit, int secondsAfterT0) {
    return new Order(id, "b-" + id, OrderSide.BUY, kwh, limit, T0.plusSeconds(secondsAfterT0));
  }

  static Order offer(String id, double kwh, double limit) {
    return offer(id, kwh, limit, 0);
  }

  static Order offer(String id, double kwh, double limit, int secondsAfterT0) {
    return new Order(id, "s-" + id, OrderSide.SELL, kwh, limit, T0.plusSeconds(secondsAfterT0));
  }
}
