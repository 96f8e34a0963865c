package io.voltstream.energy.market;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random orders for the property tests. Prices on a cent grid and submission times within a few
 * seconds, so that ties of price and of time (resolved by id) are common; quantities both on a 0.1
 * kWh grid (sums like 0.1 + 0.2 leave rounding dust) and arbitrary to the Wh.
 */
final class MarketArbitraries {
  static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

  private MarketArbitraries() {}

  /** Orders with unique ids {@code o0, o1, …} in list order. */
  static Arbitrary<List<Order>> orders(int maxSize) {
    return order().list().ofMaxSize(maxSize).map(MarketArbitraries::withIds);
  }

  /** One order whose id is a placeholder (replaced by {@link #withIds}). */
  static Arbitrary<Order> order() {
    Arbitrary<OrderSide> side = Arbitraries.of(OrderSide.class);
    Arbitrary<Double> energyKwh =
        Arbitraries.oneOf(
            Arbitraries.integers().between(1, 50).map(tenths -> tenths / 10.0),
            Arbitraries.integers().between(1, 20_000).map(wh -> wh / 1000.0));
    Arbitrary<Double> limit = Arbitraries.integers().between(-5, 40).map(cents -> cents / 100.0);
    Arbitrary<Instant> submittedAt = Arbitraries.integers().between(0, 3).map(T0::plusSeconds);
    Arbitrary<String> building = Arbitraries.of("b1", "b2", "b3", "b4");
    return Combinators.combine(side, energyKwh, limit, submittedAt, building)
        .as((s, kwh, p, at, b) -> new Order("?", b, s, kwh, p, at));
  }

  static List<Order> withIds(List<Order> orders) {
    List<Order> named = new ArrayList<>(orders.size());
    for (Order o : orders) {
      named.add(
          new Order(
              "o" + named.size(),
              o.building(),
              o.side(),
              o.energyKwh(),
              o.limitEurPerKwh(),
              o.submittedAt()));
    }
    return named;
  }
}
