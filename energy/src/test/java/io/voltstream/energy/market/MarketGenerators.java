package io.voltstream.energy.market;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random orders for the property tests (QuickTheories). Prices on a cent grid and submission times
 * within a few seconds, so that ties of price and of time (resolved by id) are common; quantities
 * both on a 0.1 kWh grid (sums like 0.1 + 0.2 leave rounding dust) and arbitrary to the Wh.
 *
 * <p>Each property runs {@value #EXAMPLES} examples from a random seed. A failure's message ends
 * with {@code Seed was N}; rerun it with that seed by {@code mvn -o -B -pl energy test
 * -Dtest='UniformPriceAuctionPropertiesTest#method' -DQT_SEED=N} (QuickTheories reads the {@code
 * QT_SEED} system property; surefire passes {@code -D} properties to the test JVM), or pin it while
 * debugging with {@code properties().withFixedSeed(N)}.
 */
final class MarketGenerators {
  static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

  /**
   * Examples drawn per property: as many as the property tests ran before their port to
   * QuickTheories. It skips a draw that repeats an earlier one exactly (e.g. a second empty book).
   */
  static final int EXAMPLES = 1000;

  private MarketGenerators() {}

  /** The runner every property uses: {@value #EXAMPLES} examples, seed from {@code QT_SEED}. */
  static QuickTheory properties() {
    return QuickTheory.qt().withExamples(EXAMPLES);
  }

  /** Orders with unique ids {@code o0, o1, …} in list order. */
  static Gen<List<Order>> orders(int maxSize) {
    return lists().of(order()).ofSizeBetween(0, maxSize).map(MarketGenerators::withIds);
  }

  /** One order whose id is a placeholder (replaced by {@link #withIds}). */
  static Gen<Order> order() {
    Gen<OrderSide> side = Generate.enumValues(OrderSide.class);
    Gen<Double> energyKwh =
        Generate.oneOf(
            integers().between(1, 50).map(tenths -> tenths / 10.0),
            integers().between(1, 20_000).map(wh -> wh / 1000.0));
    Gen<Double> limit = integers().between(-5, 40).map(cents -> cents / 100.0);
    Gen<Instant> submittedAt = integers().between(0, 3).map(T0::plusSeconds);
    Gen<String> building = Generate.pick(List.of("b1", "b2", "b3", "b4"));
    return side.zip(
        energyKwh,
        limit,
        submittedAt,
        building,
        (s, kwh, p, at, b) -> new Order("?", b, s, kwh, p, at));
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
