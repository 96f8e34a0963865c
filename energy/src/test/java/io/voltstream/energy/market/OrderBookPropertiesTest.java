package io.voltstream.energy.market;

import static io.voltstream.energy.market.MarketGenerators.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The pay-as-bid book's guarantees over random sequences of submits and cancels: it never rests
 * crossed, trades at the bid's limit within both limits, takes the best resting orders first,
 * conserves energy, cancels exactly the resting remainder, and a book rebuilt from its resting
 * orders behaves like the original. {@link MarketGenerators#EXAMPLES} examples per property; see
 * {@link MarketGenerators} to replay a failing seed.
 */
class OrderBookPropertiesTest {
  /** A step: submit the next order, or (when {@code cancel}) cancel an earlier one. */
  record Step(Order order, boolean cancel, int target) {}

  private static Gen<List<Step>> sequences() {
    Gen<Step> step =
        MarketGenerators.order()
            .zip(integers().between(0, 4).map(n -> n == 0), integers().between(0, 1000), Step::new);
    return lists().of(step).ofSizeBetween(0, 60);
  }

  @Test
  void everyStepKeepsTheBookUncrossedTradesAtTheBidAndTakesTheBestFirst() {
    properties()
        .forAll(sequences())
        .checkAssert(
            steps -> {
              OrderBook book = new OrderBook();
              Map<String, Order> submitted = new HashMap<>();
              for (Order order : orders(steps)) {
                List<Order> opposite = order.side() == OrderSide.BUY ? book.offers() : book.bids();
                submitted.put(order.id(), order);
                List<Match> matches = book.submit(order);

                for (int i = 0; i < matches.size(); i++) {
                  Match match = matches.get(i);
                  Order bid = submitted.get(match.buyOrderId());
                  Order offer = submitted.get(match.sellOrderId());
                  assertThat(match.priceEurPerKwh()).isEqualTo(bid.limitEurPerKwh());
                  assertThat(match.priceEurPerKwh()).isGreaterThanOrEqualTo(offer.limitEurPerKwh());
                  assertThat(match.energyKwh()).isPositive();
                  String counterpart =
                      order.side() == OrderSide.BUY ? match.sellOrderId() : match.buyOrderId();
                  assertThat(counterpart).isEqualTo(opposite.get(i).id());
                }
                assertUncrossed(book);
              }
            });
  }

  @Test
  void energyIsConservedAndCancelsReturnExactlyTheRestingRemainder() {
    properties()
        .forAll(sequences())
        .checkAssert(
            steps -> {
              OrderBook book = new OrderBook();
              List<Order> submitted = new ArrayList<>();
              Map<String, Double> matched = new HashMap<>();
              Map<String, Double> cancelled = new HashMap<>();
              double bought = 0;
              double sold = 0;
              for (Step step : withIds(steps)) {
                if (step.cancel()) {
                  if (submitted.isEmpty()) {
                    continue;
                  }
                  Order target = submitted.get(step.target() % submitted.size());
                  Optional<Order> resting = book.get(target.id());
                  Optional<Order> removed = book.cancel(target.id());
                  assertThat(removed).isEqualTo(resting);
                  assertThat(book.get(target.id())).isEmpty();
                  double expectedLeft =
                      target.energyKwh()
                          - matched.getOrDefault(target.id(), 0.0)
                          - cancelled.getOrDefault(target.id(), 0.0);
                  if (removed.isPresent()) {
                    assertThat(removed.get().energyKwh())
                        .isCloseTo(expectedLeft, within(Fills.EPSILON_KWH));
                    cancelled.put(target.id(), removed.get().energyKwh());
                  } else {
                    assertThat(Fills.isFilled(expectedLeft)).isTrue();
                  }
                  continue;
                }
                submitted.add(step.order());
                for (Match match : book.submit(step.order())) {
                  matched.merge(match.buyOrderId(), match.energyKwh(), Double::sum);
                  matched.merge(match.sellOrderId(), match.energyKwh(), Double::sum);
                  bought += match.energyKwh();
                  sold += match.energyKwh();
                }
              }

              assertThat(bought).isEqualTo(sold);
              for (Order order : submitted) {
                double resting = book.get(order.id()).map(Order::energyKwh).orElse(0.0);
                assertThat(
                        matched.getOrDefault(order.id(), 0.0)
                            + resting
                            + cancelled.getOrDefault(order.id(), 0.0))
                    .isCloseTo(order.energyKwh(), within(Fills.EPSILON_KWH));
              }
            });
  }

  @Test
  void aBookRebuiltFromItsRestingOrdersBehavesLikeTheOriginal() {
    properties()
        .forAll(sequences(), sequences())
        .checkAssert(
            (steps, after) -> {
              OrderBook book = new OrderBook();
              for (Order order : orders(steps)) {
                book.submit(order);
              }
              OrderBook rebuilt = OrderBook.of(book.resting());
              assertThat(rebuilt.resting()).isEqualTo(book.resting());

              for (Order order : orders(after)) {
                Order next =
                    new Order(
                        "n" + order.id(),
                        order.building(),
                        order.side(),
                        order.energyKwh(),
                        order.limitEurPerKwh(),
                        order.submittedAt());
                assertThat(rebuilt.submit(next)).isEqualTo(book.submit(next));
              }
              assertThat(rebuilt.resting()).isEqualTo(book.resting());
            });
  }

  @Test
  void restingOrdersAreUniqueAndListedBidsThenOffersByPriority() {
    properties()
        .forAll(sequences())
        .checkAssert(
            steps -> {
              OrderBook book = new OrderBook();
              for (Order order : orders(steps)) {
                book.submit(order);
              }
              List<Order> resting = book.resting();
              Set<String> ids = new HashSet<>();
              resting.forEach(o -> assertThat(ids.add(o.id())).isTrue());
              assertThat(book.size()).isEqualTo(resting.size());
              assertThat(book.bids())
                  .isSortedAccordingTo(Order.PRIORITY)
                  .allMatch(o -> o.side() == OrderSide.BUY);
              assertThat(book.offers())
                  .isSortedAccordingTo(Order.PRIORITY)
                  .allMatch(o -> o.side() == OrderSide.SELL);
              List<Order> expected = new ArrayList<>(book.bids());
              expected.addAll(book.offers());
              assertThat(resting).isEqualTo(expected);
            });
  }

  private static void assertUncrossed(OrderBook book) {
    if (book.bestBid().isPresent() && book.bestOffer().isPresent()) {
      assertThat(book.bestBid().get().limitEurPerKwh())
          .isLessThan(book.bestOffer().get().limitEurPerKwh());
    }
  }

  private static List<Order> orders(List<Step> steps) {
    return withIds(steps).stream().filter(s -> !s.cancel()).map(Step::order).toList();
  }

  private static List<Step> withIds(List<Step> steps) {
    List<Order> named = MarketGenerators.withIds(steps.stream().map(Step::order).toList());
    List<Step> out = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      out.add(new Step(named.get(i), steps.get(i).cancel(), steps.get(i).target()));
    }
    return out;
  }
}
