package io.voltstream.energy.market;

import static io.voltstream.energy.market.Orders.bid;
import static io.voltstream.energy.market.Orders.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.EnergyValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UniformPriceAuctionTest {
  @Test
  void nothingToClearHasNoPrice() {
    ClearingResult result = UniformPriceAuction.clear(List.of());

    assertThat(result.matches()).isEmpty();
    assertThat(result.priceEurPerKwh()).isNull();
    assertThat(result.volumeKwh()).isZero();
    assertThat(result.remainingKwh()).isEmpty();
  }

  @Test
  void oneSidedOrNonCrossingBooksDoNotTradeAndKeepEveryOrder() {
    ClearingResult oneSided = UniformPriceAuction.clear(List.of(bid("a", 2, 0.30)));
    ClearingResult apart =
        UniformPriceAuction.clear(List.of(bid("a", 2, 0.20), offer("x", 1, 0.25)));

    assertThat(oneSided.priceEurPerKwh()).isNull();
    assertThat(oneSided.remainingKwh()).isEqualTo(Map.of("a", 2.0));
    assertThat(apart.matches()).isEmpty();
    assertThat(apart.priceEurPerKwh()).isNull();
    assertThat(apart.remainingKwh()).isEqualTo(Map.of("a", 2.0, "x", 1.0));
  }

  /**
   * Bids A 0.30×2, B 0.25×3, C 0.15×1; offers X 0.10×1, Y 0.20×3, Z 0.28×2. Walk: A–X 1, A–Y 1, B–Y
   * 2, then B 0.25 < Z 0.28 stops. Volume 4 kWh; marginal bid B 0.25, offer Y 0.20 → 0.225.
   */
  @Test
  void clearsAtTheMidpointOfTheMarginalBidAndOffer() {
    ClearingResult result =
        UniformPriceAuction.clear(
            List.of(
                offer("z", 2, 0.28),
                bid("c", 1, 0.15),
                offer("x", 1, 0.10),
                bid("a", 2, 0.30),
                offer("y", 3, 0.20),
                bid("b", 3, 0.25)));

    assertThat(result.priceEurPerKwh()).isCloseTo(0.225, within(1e-12));
    assertThat(result.volumeKwh()).isEqualTo(4.0);
    double p = result.priceEurPerKwh();
    assertThat(result.matches())
        .containsExactly(
            new Match("a", "x", "b-a", "s-x", 1, p),
            new Match("a", "y", "b-a", "s-y", 1, p),
            new Match("b", "y", "b-b", "s-y", 2, p));
    assertThat(result.remainingKwh())
        .isEqualTo(Map.of("a", 0.0, "b", 1.0, "c", 1.0, "x", 0.0, "y", 0.0, "z", 2.0));
  }

  @Test
  void equalLimitsTradeAtThatLimit() {
    ClearingResult result =
        UniformPriceAuction.clear(List.of(bid("a", 1, 0.22), offer("x", 3, 0.22)));

    assertThat(result.priceEurPerKwh()).isEqualTo(0.22);
    assertThat(result.matches()).containsExactly(new Match("a", "x", "b-a", "s-x", 1, 0.22));
    assertThat(result.remainingKwh()).isEqualTo(Map.of("a", 0.0, "x", 2.0));
  }

  @Test
  void negativePricesClearToo() {
    ClearingResult result =
        UniformPriceAuction.clear(List.of(bid("a", 1, -0.01), offer("x", 1, -0.05)));

    assertThat(result.priceEurPerKwh()).isCloseTo(-0.03, within(1e-12));
  }

  @Test
  void samePriceOffersAreServedEarliestFirstThenBySmallerId() {
    ClearingResult result =
        UniformPriceAuction.clear(
            List.of(
                offer("x2", 1, 0.10, 0),
                offer("x1", 1, 0.10, 60),
                offer("x0", 1, 0.10, 60),
                bid("a", 2, 0.30)));

    assertThat(result.matches())
        .extracting(Match::sellOrderId, Match::energyKwh)
        .containsExactly(tuple("x2", 1.0), tuple("x0", 1.0));
    assertThat(result.remainingKwh()).containsEntry("x1", 1.0);
  }

  @Test
  void roundingDustCountsAsFilled() {
    // 0.3 − 0.1 leaves 0.19999999999999998, so offer y would keep ~3e-17 kWh without the tolerance
    ClearingResult result =
        UniformPriceAuction.clear(
            List.of(bid("a", 0.3, 0.30), offer("x", 0.1, 0.10), offer("y", 0.2, 0.10)));

    assertThat(result.remainingKwh()).isEqualTo(Map.of("a", 0.0, "x", 0.0, "y", 0.0));
    assertThat(result.matches()).hasSize(2);
    assertThat(result.volumeKwh()).isCloseTo(0.3, within(Fills.EPSILON_KWH));
  }

  @Test
  void duplicateIdsAreRejectedNamingTheField() {
    assertThatThrownBy(
            () -> UniformPriceAuction.clear(List.of(bid("a", 1, 0.3), offer("a", 1, 0.1))))
        .isInstanceOf(EnergyValidationException.class)
        .hasMessageContaining("duplicate order id a")
        .extracting(e -> ((EnergyValidationException) e).field())
        .isEqualTo("id");
  }

  @Test
  void midpointStaysWithinTheLimitsEvenAtTheEdgesOfDouble() {
    assertThat(UniformPriceAuction.midpoint(Double.MAX_VALUE, Double.MAX_VALUE / 2))
        .isBetween(Double.MAX_VALUE / 2, Double.MAX_VALUE);
    assertThat(UniformPriceAuction.midpoint(0.1, 0.1)).isEqualTo(0.1);
  }
}
