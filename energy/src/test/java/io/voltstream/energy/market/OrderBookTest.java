package io.voltstream.energy.market;

import static io.voltstream.energy.market.Orders.bid;
import static io.voltstream.energy.market.Orders.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.EnergyValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookTest {
  @Test
  void aCrossingBidTradesAtItsOwnLimitAndTheOfferRemainderRests() {
    OrderBook book = OrderBook.of(List.of(offer("y", 2, 0.20), offer("x", 1, 0.10)));

    List<Match> matches = book.submit(bid("a", 2.5, 0.25));

    assertThat(matches)
        .containsExactly(
            new Match("a", "x", "b-a", "s-x", 1, 0.25),
            new Match("a", "y", "b-a", "s-y", 1.5, 0.25));
    assertThat(book.resting()).containsExactly(offer("y", 0.5, 0.20));
    assertThat(book.get("a")).isEmpty();
  }

  @Test
  void aCrossingOfferTradesAtEachRestingBidsLimitInPriority() {
    OrderBook book = new OrderBook();
    assertThat(book.submit(bid("a", 1, 0.30, 60))).isEmpty();
    assertThat(book.submit(bid("b", 1, 0.30, 0))).isEmpty();
    assertThat(book.submit(bid("c", 1, 0.20))).isEmpty();

    List<Match> matches = book.submit(offer("x", 3, 0.25));

    assertThat(matches)
        .containsExactly(
            new Match("b", "x", "b-b", "s-x", 1, 0.30), new Match("a", "x", "b-a", "s-x", 1, 0.30));
    assertThat(book.bids()).containsExactly(bid("c", 1, 0.20));
    assertThat(book.offers()).containsExactly(offer("x", 1, 0.25));
  }

  @Test
  void restingOrdersAreListedBidsThenOffersEachByPriority() {
    OrderBook book = new OrderBook();
    book.submit(offer("x", 1, 0.30));
    book.submit(bid("a", 1, 0.10));
    book.submit(offer("y", 2, 0.25));
    book.submit(bid("b", 3, 0.15));

    assertThat(book.resting()).extracting(Order::id).containsExactly("b", "a", "y", "x");
    assertThat(book.bestBid()).contains(bid("b", 3, 0.15));
    assertThat(book.bestOffer()).contains(offer("y", 2, 0.25));
    assertThat(book.bidDepthKwh()).isEqualTo(4.0);
    assertThat(book.offerDepthKwh()).isEqualTo(3.0);
    assertThat(book.size()).isEqualTo(4);
  }

  @Test
  void cancelReturnsTheUnfilledRemainderOnce() {
    OrderBook book = new OrderBook();
    book.submit(offer("x", 2, 0.10));
    book.submit(bid("a", 0.75, 0.12));

    assertThat(book.cancel("x")).contains(offer("x", 1.25, 0.10));
    assertThat(book.cancel("x")).isEmpty();
    assertThat(book.cancel("a")).isEmpty();
    assertThat(book.isEmpty()).isTrue();
  }

  @Test
  void aFullyFilledOrderDoesNotRestEvenWithRoundingDust() {
    OrderBook book = new OrderBook();
    book.submit(offer("x", 0.1, 0.10));
    book.submit(offer("y", 0.2, 0.10));

    List<Match> matches = book.submit(bid("a", 0.3, 0.10));

    assertThat(matches).hasSize(2);
    assertThat(matches.stream().mapToDouble(Match::energyKwh).sum())
        .isCloseTo(0.3, within(Fills.EPSILON_KWH));
    assertThat(book.isEmpty()).isTrue();
  }

  @Test
  void aDuplicateRestingIdIsRejectedAndLeavesTheBookUnchanged() {
    OrderBook book = new OrderBook();
    book.submit(offer("x", 2, 0.10));

    assertThatThrownBy(() -> book.submit(bid("x", 1, 0.50)))
        .isInstanceOf(EnergyValidationException.class)
        .hasMessageContaining("duplicate order id x")
        .extracting(e -> ((EnergyValidationException) e).field())
        .isEqualTo("id");
    assertThat(book.resting()).containsExactly(offer("x", 2, 0.10));
  }

  @Test
  void rebuildsFromItsRestingOrdersAndRejectsCrossedOrDuplicateState() {
    OrderBook book = new OrderBook();
    book.submit(offer("x", 2, 0.10));
    book.submit(bid("a", 0.5, 0.12));
    book.submit(bid("b", 1, 0.05));

    OrderBook rebuilt = OrderBook.of(book.resting());

    assertThat(rebuilt.resting()).isEqualTo(book.resting());
    assertThat(rebuilt.submit(bid("c", 2, 0.11))).isEqualTo(book.submit(bid("c", 2, 0.11)));
    assertThatThrownBy(() -> OrderBook.of(List.of(bid("a", 1, 0.2), offer("x", 1, 0.2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cross");
    assertThatThrownBy(() -> OrderBook.of(List.of(bid("a", 1, 0.2), offer("a", 1, 0.3))))
        .isInstanceOf(EnergyValidationException.class)
        .hasMessageContaining("duplicate order id a");
  }
}
