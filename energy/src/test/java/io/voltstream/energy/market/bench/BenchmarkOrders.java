package io.voltstream.energy.market.bench;

import io.voltstream.energy.market.Order;
import io.voltstream.energy.market.OrderSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A community slot's orders for the benchmarks: half bids, half offers, limits uniform between a
 * feed-in-like 0.08 and an import-like 0.30 €/kWh on a 0.1-cent grid (so about half of the
 * bid/offer pairs cross, and price ties are common), 0.1–5 kWh, submitted one per second in arrival
 * order.
 */
final class BenchmarkOrders {
  private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");

  private BenchmarkOrders() {}

  static List<Order> generate(int count, long seed) {
    Random random = new Random(seed);
    List<Order> orders = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      OrderSide side = random.nextBoolean() ? OrderSide.BUY : OrderSide.SELL;
      double limit = (80 + random.nextInt(221)) / 1000.0;
      double energyKwh = (100 + random.nextInt(4901)) / 1000.0;
      orders.add(
          new Order(
              "o" + i, "b" + random.nextInt(50), side, energyKwh, limit, START.plusSeconds(i)));
    }
    return orders;
  }
}
