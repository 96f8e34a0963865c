package io.voltstream.energy.market;

import static io.voltstream.energy.market.MarketGenerators.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The pay-as-clear auction's guarantees (issue 10 item 7), over random books ({@link
 * MarketGenerators#EXAMPLES} per property; see {@link MarketGenerators} to replay a failing seed).
 */
class UniformPriceAuctionPropertiesTest {
  private static final double TOLERANCE_KWH = 1e-7;

  private static Gen<List<Order>> books() {
    return MarketGenerators.orders(40);
  }

  @Test
  void noTradePairsABidBelowItsOffer() {
    properties()
        .forAll(books())
        .checkAssert(
            orders -> {
              Map<String, Order> byId = byId(orders);
              for (Match match : UniformPriceAuction.clear(orders).matches()) {
                Order bid = byId.get(match.buyOrderId());
                Order offer = byId.get(match.sellOrderId());
                assertThat(bid.side()).isEqualTo(OrderSide.BUY);
                assertThat(offer.side()).isEqualTo(OrderSide.SELL);
                assertThat(bid.limitEurPerKwh()).isGreaterThanOrEqualTo(offer.limitEurPerKwh());
                assertThat(match.energyKwh()).isPositive();
              }
            });
  }

  @Test
  void clearedVolumeIsTheMaximumCrossingVolume() {
    properties()
        .forAll(books())
        .checkAssert(
            orders -> {
              ClearingResult result = UniformPriceAuction.clear(orders);

              assertThat(result.volumeKwh())
                  .isCloseTo(maxCrossingVolumeKwh(orders), within(TOLERANCE_KWH));
              assertThat(result.priceEurPerKwh() == null).isEqualTo(result.matches().isEmpty());
            });
  }

  @Test
  void everyBuyerPaysAtMostAndEverySellerReceivesAtLeastItsLimit() {
    properties()
        .forAll(books())
        .checkAssert(
            orders -> {
              Map<String, Order> byId = byId(orders);
              ClearingResult result = UniformPriceAuction.clear(orders);
              for (Match match : result.matches()) {
                assertThat(match.priceEurPerKwh()).isEqualTo(result.priceEurPerKwh());
                assertThat(match.priceEurPerKwh())
                    .isLessThanOrEqualTo(byId.get(match.buyOrderId()).limitEurPerKwh())
                    .isGreaterThanOrEqualTo(byId.get(match.sellOrderId()).limitEurPerKwh());
              }
            });
  }

  @Test
  void buyersPaymentsEqualSellersReceipts() {
    properties()
        .forAll(books())
        .checkAssert(
            orders -> {
              // Summing both sides over the same matches balances by construction; what can fail
              // is the uniform price: every match at the clearing price, so buyers pay and
              // sellers receive exactly price × cleared volume.
              ClearingResult result = UniformPriceAuction.clear(orders);
              List<Match> matches = result.matches();
              Map<String, Double> paidByBuyer = sumBy(matches, Match::buyer);
              Map<String, Double> receivedBySeller = sumBy(matches, Match::seller);

              double paid = paidByBuyer.values().stream().mapToDouble(Double::doubleValue).sum();
              double received =
                  receivedBySeller.values().stream().mapToDouble(Double::doubleValue).sum();
              double expected =
                  result.priceEurPerKwh() == null
                      ? 0
                      : result.priceEurPerKwh() * result.volumeKwh();
              assertThat(matches)
                  .allSatisfy(
                      m ->
                          assertThat(m.priceEurPerKwh())
                              .isCloseTo(result.priceEurPerKwh(), within(1e-12)));
              assertThat(paid).isCloseTo(expected, within(1e-9));
              assertThat(received).isCloseTo(expected, within(1e-9));
            });
  }

  @Test
  void arrivalOrderDoesNotMatter() {
    properties()
        .forAll(books(), longs().all())
        .checkAssert(
            (orders, seed) -> {
              List<Order> shuffled = new ArrayList<>(orders);
              Collections.shuffle(shuffled, new Random(seed));

              assertThat(UniformPriceAuction.clear(shuffled))
                  .isEqualTo(UniformPriceAuction.clear(orders));
            });
  }

  @Test
  void energyIsConservedPerOrderAndOverall() {
    properties()
        .forAll(books())
        .checkAssert(
            orders -> {
              ClearingResult result = UniformPriceAuction.clear(orders);
              Map<String, Double> matched = new HashMap<>();
              double bought = 0;
              double sold = 0;
              for (Match match : result.matches()) {
                matched.merge(match.buyOrderId(), match.energyKwh(), Double::sum);
                matched.merge(match.sellOrderId(), match.energyKwh(), Double::sum);
                bought += match.energyKwh();
                sold += match.energyKwh();
              }

              assertThat(result.remainingKwh().keySet()).isEqualTo(byId(orders).keySet());
              for (Order order : orders) {
                double remaining = result.remainingKwh().get(order.id());
                assertThat(remaining).isGreaterThanOrEqualTo(0);
                assertThat(matched.getOrDefault(order.id(), 0.0) + remaining)
                    .isCloseTo(order.energyKwh(), within(Fills.EPSILON_KWH));
              }
              assertThat(bought).isEqualTo(sold).isCloseTo(result.volumeKwh(), within(1e-12));
            });
  }

  @Test
  void noUnfilledBidCrossesAnUnfilledOffer() {
    properties()
        .forAll(books())
        .checkAssert(
            orders -> {
              ClearingResult result = UniformPriceAuction.clear(orders);
              List<Order> left =
                  orders.stream().filter(o -> result.remainingKwh().get(o.id()) > 0).toList();
              double bestBid = best(left, OrderSide.BUY, Double.NEGATIVE_INFINITY, Math::max);
              double bestOffer = best(left, OrderSide.SELL, Double.POSITIVE_INFINITY, Math::min);

              assertThat(bestBid).isLessThan(bestOffer);
            });
  }

  /**
   * An independent computation: the most energy any uniform price p can move is min(demand at ≥ p,
   * supply at ≤ p); its maximum over p is reached at one of the limit prices.
   */
  static double maxCrossingVolumeKwh(List<Order> orders) {
    double max = 0;
    for (Order candidate : orders) {
      double p = candidate.limitEurPerKwh();
      double demand = 0;
      double supply = 0;
      for (Order o : orders) {
        if (o.side() == OrderSide.BUY && o.limitEurPerKwh() >= p) {
          demand += o.energyKwh();
        } else if (o.side() == OrderSide.SELL && o.limitEurPerKwh() <= p) {
          supply += o.energyKwh();
        }
      }
      max = Math.max(max, Math.min(demand, supply));
    }
    return max;
  }

  private static double best(
      List<Order> orders, OrderSide side, double none, DoubleBinaryOperator better) {
    return orders.stream()
        .filter(o -> o.side() == side)
        .mapToDouble(Order::limitEurPerKwh)
        .reduce(none, better);
  }

  private static Map<String, Double> sumBy(List<Match> matches, Function<Match, String> party) {
    return matches.stream()
        .collect(Collectors.groupingBy(party, Collectors.summingDouble(Match::amountEur)));
  }

  private static Map<String, Order> byId(List<Order> orders) {
    return orders.stream().collect(Collectors.toMap(Order::id, o -> o));
  }
}
