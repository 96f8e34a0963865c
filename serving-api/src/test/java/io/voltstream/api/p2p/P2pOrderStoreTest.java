package io.voltstream.api.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.TestClock;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderOrigin;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order view: replay of both logs in either order, the merge of the job's updates, the cancel
 * mark, retention and the size bound; and the book depth computed from it.
 */
class P2pOrderStoreTest {
  static final Instant NOW = Instant.parse("2026-11-30T10:02:00Z");
  static final Instant SLOT = Instant.parse("2026-11-30T10:15:00Z");

  final TestClock clock = new TestClock(NOW);
  final OrderStore store = new OrderStore(clock, Duration.ofHours(48), 1000);

  static MarketOrder submit(String id, String building, OrderSide side, double kwh, double price) {
    return submit(id, building, side, kwh, price, SLOT);
  }

  static MarketOrder submit(
      String id, String building, OrderSide side, double kwh, double price, Instant slot) {
    return new MarketOrder(
        OrderAction.SUBMIT,
        id,
        "community",
        building,
        side,
        kwh,
        price,
        slot,
        NOW,
        "tester",
        OrderOrigin.API,
        null);
  }

  static OrderUpdate update(
      MarketOrder o, OrderState state, double filled, Double avg, String reason, Instant at) {
    return new OrderUpdate(
        o.id(),
        o.market(),
        o.building(),
        o.side(),
        o.deliveryStart(),
        state,
        o.energyKwh(),
        o.priceEurPerKwh(),
        filled,
        o.energyKwh() - filled,
        avg,
        o.origin(),
        reason,
        at);
  }

  @Test
  void shouldShowAnOrderPendingUntilTheJobReportsThenItsLatestState() {
    MarketOrder o = submit("o1", "hq", OrderSide.BUY, 2.0, 0.25);
    store.apply(o);
    OrderStore.Entry e = store.get("o1").orElseThrow();
    assertThat(OrderService.state(e)).isEqualTo("pending");
    assertThat(e.remainingKwh()).isEqualTo(2.0);
    assertThat(e.isFinal()).isFalse();

    store.apply(update(o, OrderState.OPEN, 0, null, null, NOW.plusSeconds(1)));
    store.apply(update(o, OrderState.PARTIALLY_FILLED, 0.5, 0.22, null, NOW.plusSeconds(2)));
    e = store.get("o1").orElseThrow();
    assertThat(OrderService.state(e)).isEqualTo("partially_filled");
    assertThat(e.filledKwh()).isEqualTo(0.5);
    assertThat(e.remainingKwh()).isEqualTo(1.5);
    assertThat(e.update().averagePriceEurPerKwh()).isEqualTo(0.22);
    assertThat(e.order().submittedBy()).isEqualTo("tester");
  }

  @Test
  void shouldMergeWhicheverLogArrivesFirst() {
    MarketOrder o = submit("o2", "hq", OrderSide.SELL, 1.0, 0.1);
    store.apply(update(o, OrderState.FILLED, 1.0, 0.15, null, NOW.plusSeconds(5)));
    OrderStore.Entry onlyUpdate = store.get("o2").orElseThrow();
    assertThat(onlyUpdate.order()).isNull();
    assertThat(onlyUpdate.building()).isEqualTo("hq");
    assertThat(onlyUpdate.asSubmitted().energyKwh()).isEqualTo(1.0);

    store.apply(o); // the submit record, replayed later
    OrderStore.Entry both = store.get("o2").orElseThrow();
    assertThat(both.order()).isEqualTo(o);
    assertThat(both.state()).isEqualTo(OrderState.FILLED);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void shouldIgnoreAReplayedSubmitAndStaleOrBackwardUpdates() {
    MarketOrder o = submit("o3", "hq", OrderSide.BUY, 1.0, 0.3);
    store.apply(o);
    store.apply(update(o, OrderState.FILLED, 1.0, 0.2, null, NOW.plusSeconds(10)));
    store.apply(o);
    // an older update and a final → live regression are both ignored
    store.apply(update(o, OrderState.OPEN, 0, null, null, NOW.plusSeconds(5)));
    store.apply(update(o, OrderState.PARTIALLY_FILLED, 0.5, 0.2, null, NOW.plusSeconds(20)));
    assertThat(store.get("o3").orElseThrow().state()).isEqualTo(OrderState.FILLED);
    // a later final update (a refused cancel keeps the state, with a reason) is taken
    store.apply(
        update(o, OrderState.FILLED, 1.0, 0.2, "cancel refused: filled", NOW.plusSeconds(30)));
    assertThat(store.get("o3").orElseThrow().update().reason()).isEqualTo("cancel refused: filled");
  }

  @Test
  void shouldMarkACancelRequestOnceAndKeepTheStateForTheJobToDecide() {
    MarketOrder o = submit("o4", "hq", OrderSide.BUY, 1.0, 0.3);
    store.apply(o);
    store.apply(update(o, OrderState.OPEN, 0, null, null, NOW));
    Instant first = NOW.plusSeconds(30);
    store.apply(MarketOrder.cancel(o, first, "tester"));
    store.apply(MarketOrder.cancel(o, first.plusSeconds(5), "tester"));
    OrderStore.Entry e = store.get("o4").orElseThrow();
    assertThat(e.cancelRequestedAt()).isEqualTo(first);
    assertThat(e.state()).isEqualTo(OrderState.OPEN);
    // a cancel of an unknown order adds nothing
    store.apply(MarketOrder.cancel(submit("ghost", "hq", OrderSide.BUY, 1, 1), first, "t"));
    assertThat(store.get("ghost")).isEmpty();
  }

  @Test
  void shouldKeepOnlyOrdersOfSlotsWithinTheRetention() {
    Instant old = SLOT.minus(Duration.ofHours(49));
    store.apply(submit("too-old", "hq", OrderSide.BUY, 1, 0.2, old));
    assertThat(store.get("too-old")).isEmpty();
    store.apply(submit("kept", "hq", OrderSide.BUY, 1, 0.2, SLOT));
    assertThat(store.entries()).extracting(OrderStore.Entry::id).containsExactly("kept");
    clock.set(SLOT.plus(Duration.ofHours(48)).plusSeconds(1)); // two days after its slot
    assertThat(store.get("kept")).isEmpty();
    assertThat(store.entries()).isEmpty();
    assertThat(store.size()).isZero();
  }

  @Test
  void shouldDropTheOldestSlotsBeyondTheSizeBound() {
    OrderStore small = new OrderStore(clock, Duration.ofHours(48), 10);
    for (int i = 0; i < 11; i++) {
      small.apply(
          submit("o" + i, "hq", OrderSide.BUY, 1, 0.2, SLOT.plus(MarketSpec.SLOT.multipliedBy(i))));
    }
    assertThat(small.size()).isLessThanOrEqualTo(10);
    assertThat(small.get("o10")).isPresent();
    assertThat(small.get("o0")).isEmpty();
  }

  @Test
  void shouldReportTheDepthOfOpenBooksOnly() {
    MarketSpec market = MarketSpec.defaults();
    Instant closed = Instant.parse("2026-11-30T10:00:00Z"); // gate closed at 09:55
    Instant next = SLOT.plus(MarketSpec.SLOT);
    MarketOrder bidLow = submit("b1", "hq", OrderSide.BUY, 2.0, 0.20);
    MarketOrder bidHigh = submit("b2", "annex", OrderSide.BUY, 1.0, 0.25);
    MarketOrder offer = submit("s1", "east", OrderSide.SELL, 3.0, 0.12);
    MarketOrder filled = submit("s2", "east", OrderSide.SELL, 1.0, 0.05);
    for (MarketOrder o : List.of(bidLow, bidHigh, offer, filled)) {
      store.apply(o);
    }
    store.apply(update(offer, OrderState.PARTIALLY_FILLED, 1.0, 0.2, null, NOW));
    store.apply(update(filled, OrderState.FILLED, 1.0, 0.2, null, NOW));
    store.apply(submit("late", "hq", OrderSide.BUY, 5, 0.3, closed));
    store.apply(submit("n1", "hq", OrderSide.SELL, 0.5, 0.18, next));

    var books = BookDepth.openSlots(store.entries(), market, NOW);
    assertThat(books).extracting(b -> b.slot()).containsExactly(SLOT, next);
    var first = books.get(0);
    assertThat(first.gateClosesAt()).isEqualTo(Instant.parse("2026-11-30T10:10:00Z"));
    assertThat(first.bids().count()).isEqualTo(2);
    assertThat(first.bids().energyKwh()).isEqualTo(3.0);
    assertThat(first.bids().bestPriceEurPerKwh()).isEqualTo(0.25);
    assertThat(first.offers().count()).isEqualTo(1);
    assertThat(first.offers().energyKwh()).isEqualTo(2.0); // what is left of the partial fill
    assertThat(first.offers().bestPriceEurPerKwh()).isEqualTo(0.12);
    assertThat(books.get(1).bids().count()).isZero();
    assertThat(books.get(1).bids().bestPriceEurPerKwh()).isNull();
  }
}
