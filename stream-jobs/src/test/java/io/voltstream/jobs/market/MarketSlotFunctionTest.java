package io.voltstream.jobs.market;

import static io.voltstream.jobs.market.MarketTestData.COMMUNITY;
import static io.voltstream.jobs.market.MarketTestData.FAST;
import static io.voltstream.jobs.market.MarketTestData.GATE;
import static io.voltstream.jobs.market.MarketTestData.SLOT;
import static io.voltstream.jobs.market.MarketTestData.T0;
import static io.voltstream.jobs.market.MarketTestData.bid;
import static io.voltstream.jobs.market.MarketTestData.cancel;
import static io.voltstream.jobs.market.MarketTestData.market;
import static io.voltstream.jobs.market.MarketTestData.offer;
import static io.voltstream.jobs.market.MarketTestData.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.market.MarketClearing;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MarketSlotFunctionTest {
  private static final double EPS = 1e-12;
  private static final MarketJobConfig CONFIG = MarketJobConfig.defaults();
  private static final String TRADE_PREFIX = COMMUNITY + "-" + SLOT.getEpochSecond() + "-";

  private KeyedBroadcastOperatorTestHarness<String, MarketOrder, RegistryChange, MarketOutput>
      harness;

  private static KeyedBroadcastOperatorTestHarness<
          String, MarketOrder, RegistryChange, MarketOutput>
      harness(OperatorSubtaskState restoreFrom) throws Exception {
    var h =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new MarketSlotFunction(CONFIG), List.of(MarketSlotFunction.MARKETS)),
            MarketJob::slotKey,
            Types.STRING,
            1,
            1,
            0);
    h.setup();
    if (restoreFrom != null) {
      h.initializeState(restoreFrom);
    }
    h.open();
    return h;
  }

  @AfterEach
  void tearDown() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  private void send(MarketOrder o) throws Exception {
    harness.processElement(new StreamRecord<>(o, o.submittedAt().toEpochMilli()));
  }

  private void clock(Instant at) throws Exception {
    harness.watermark(at.toEpochMilli());
  }

  private List<MarketOutput> outputs() {
    return harness.extractOutputValues();
  }

  private List<MarketTrade> trades() {
    return outputs().stream().map(MarketOutput::trade).filter(Objects::nonNull).toList();
  }

  private List<MarketClearing> clearings() {
    return outputs().stream().map(MarketOutput::clearing).filter(Objects::nonNull).toList();
  }

  private List<OrderUpdate> updates() {
    return outputs().stream().map(MarketOutput::order).filter(Objects::nonNull).toList();
  }

  private List<OrderUpdate> updatesOf(String orderId) {
    return updates().stream().filter(u -> u.orderId().equals(orderId)).toList();
  }

  private OrderUpdate last(String orderId) {
    List<OrderUpdate> all = updatesOf(orderId);
    assertThat(all).as("updates of " + orderId).isNotEmpty();
    return all.get(all.size() - 1);
  }

  /** Keys holding any slot state (status or orders). */
  private long keysWithState() throws Exception {
    var backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    long n = 0;
    for (String name :
        List.of(MarketSlotFunction.STATUS.getName(), MarketSlotFunction.ORDERS.getName())) {
      n += backend.getKeys(name, VoidNamespace.INSTANCE).count();
    }
    return n;
  }

  /**
   * The hand-computed pay-as-clear slot: bids A 2 kWh @ 0.30, B 1 kWh @ 0.20; offers C 1.5 kWh @
   * 0.10, D 2 kWh @ 0.25. A takes C's 1.5 and 0.5 of D; B (0.20) does not cross D (0.25). The
   * marginal pair is A/D: price (0.30 + 0.25) / 2 = 0.275.
   */
  private void fourOrders() throws Exception {
    send(bid("A", "home", 2, 0.30, T0.plusSeconds(60)));
    send(bid("B", "office", 1, 0.20, T0.plusSeconds(70)));
    send(offer("C", "demo", 1.5, 0.10, T0.plusSeconds(80)));
    send(offer("D", "office", 2, 0.25, T0.plusSeconds(90)));
  }

  @Test
  void shouldClearAPayAsClearSlotWhenTheClockPassesItsGateClosure() throws Exception {
    harness = harness(null);
    fourOrders();
    assertThat(updates())
        .extracting(OrderUpdate::orderId, OrderUpdate::state)
        .containsExactly(
            tuple("A", OrderState.OPEN),
            tuple("B", OrderState.OPEN),
            tuple("C", OrderState.OPEN),
            tuple("D", OrderState.OPEN));
    clock(GATE.minusMillis(1));
    assertThat(trades()).isEmpty();
    assertThat(clearings()).isEmpty();

    clock(GATE);
    assertThat(trades())
        .extracting(
            MarketTrade::id,
            MarketTrade::buyOrderId,
            MarketTrade::sellOrderId,
            MarketTrade::buyer,
            MarketTrade::seller,
            MarketTrade::energyKwh)
        .containsExactly(
            tuple(TRADE_PREFIX + 1, "A", "C", "home", "demo", 1.5),
            tuple(TRADE_PREFIX + 2, "A", "D", "home", "office", 0.5));
    assertThat(trades())
        .allSatisfy(
            t -> {
              assertThat(t.priceEurPerKwh()).isCloseTo(0.275, within(EPS));
              assertThat(t.matchedAt()).isEqualTo(GATE);
              assertThat(t.slot()).isEqualTo(SLOT);
              assertThat(t.mode()).isEqualTo(MarketMode.PAY_AS_CLEAR);
            });
    assertThat(outputs().stream().filter(o -> o.trade() != null))
        .extracting(MarketOutput::sequence)
        .containsExactly(1, 2);

    assertThat(last("A").state()).isEqualTo(OrderState.FILLED);
    assertThat(last("A").averagePriceEurPerKwh()).isCloseTo(0.275, within(EPS));
    assertThat(last("C").state()).isEqualTo(OrderState.FILLED);
    // D: partially filled, then expired for the rest.
    assertThat(updatesOf("D"))
        .extracting(OrderUpdate::state)
        .containsExactly(OrderState.OPEN, OrderState.PARTIALLY_FILLED, OrderState.EXPIRED);
    assertThat(last("D").filledKwh()).isCloseTo(0.5, within(EPS));
    assertThat(last("D").remainingKwh()).isCloseTo(1.5, within(EPS));
    assertThat(last("D").reason()).contains("gate closure");
    assertThat(last("B").state()).isEqualTo(OrderState.EXPIRED);
    assertThat(last("B").filledKwh()).isZero();
    assertThat(updates().stream().filter(u -> !u.state().equals(OrderState.OPEN)))
        .allSatisfy(u -> assertThat(u.at()).isEqualTo(GATE));

    assertThat(clearings())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.market()).isEqualTo(COMMUNITY);
              assertThat(c.slot()).isEqualTo(SLOT);
              assertThat(c.mode()).isEqualTo(MarketMode.PAY_AS_CLEAR);
              assertThat(c.priceEurPerKwh()).isCloseTo(0.275, within(EPS));
              assertThat(c.volumeKwh()).isCloseTo(2.0, within(EPS));
              assertThat(c.orders()).isEqualTo(4);
              assertThat(c.bids()).isEqualTo(2);
              assertThat(c.offers()).isEqualTo(2);
              assertThat(c.trades()).isEqualTo(2);
              assertThat(c.participants()).isEqualTo(3);
              assertThat(c.clearedAt()).isEqualTo(GATE);
            });
    // Only the deletion timer is left.
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
  }

  @Test
  void shouldMatchAPayAsBidOrderOnArrivalAtTheBidsPriceAndExpireTheRestAtGateClosure()
      throws Exception {
    harness = harness(null);
    harness.processBroadcastElement(market(FAST), 0);
    Instant fastGate = SLOT.minusSeconds(600);
    send(order("fast", "C", "demo", OrderSide.SELL, 1, 0.10, SLOT, T0.plusSeconds(10)));
    send(order("fast", "E", "demo", OrderSide.SELL, 1, 0.40, SLOT, T0.plusSeconds(15)));
    assertThat(trades()).isEmpty();

    send(order("fast", "A", "home", OrderSide.BUY, 1.5, 0.30, SLOT, T0.plusSeconds(20)));
    assertThat(trades())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.id()).isEqualTo("fast-" + SLOT.getEpochSecond() + "-1");
              assertThat(t.buyOrderId()).isEqualTo("A");
              assertThat(t.sellOrderId()).isEqualTo("C");
              assertThat(t.energyKwh()).isCloseTo(1, within(EPS));
              assertThat(t.priceEurPerKwh()).isEqualTo(0.30); // the bid's limit
              assertThat(t.mode()).isEqualTo(MarketMode.PAY_AS_BID);
              assertThat(t.matchedAt()).isEqualTo(T0.plusSeconds(20));
            });
    assertThat(updates().subList(2, updates().size()))
        .extracting(OrderUpdate::orderId, OrderUpdate::state)
        .containsExactly(
            tuple("A", OrderState.OPEN),
            tuple("C", OrderState.FILLED),
            tuple("A", OrderState.PARTIALLY_FILLED));
    assertThat(last("A").remainingKwh()).isCloseTo(0.5, within(EPS));
    assertThat(clearings()).isEmpty();

    clock(fastGate);
    assertThat(last("A").state()).isEqualTo(OrderState.EXPIRED);
    assertThat(last("A").filledKwh()).isCloseTo(1, within(EPS));
    assertThat(last("E").state()).isEqualTo(OrderState.EXPIRED);
    assertThat(updatesOf("C")).hasSize(2); // filled stays filled
    assertThat(clearings())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.mode()).isEqualTo(MarketMode.PAY_AS_BID);
              assertThat(c.priceEurPerKwh()).isCloseTo(0.30, within(EPS));
              assertThat(c.volumeKwh()).isCloseTo(1, within(EPS));
              assertThat(c.orders()).isEqualTo(3);
              assertThat(c.trades()).isEqualTo(1);
              assertThat(c.participants()).isEqualTo(2);
              assertThat(c.clearedAt()).isEqualTo(fastGate);
            });
  }

  @Test
  void shouldCancelBeforeGateClosureAndRefuseAfterwardsKeepingTheState() throws Exception {
    harness = harness(null);
    fourOrders();
    MarketOrder b = bid("B", "office", 1, 0.20, T0.plusSeconds(70));
    send(cancel(b, T0.plusSeconds(100)));
    assertThat(last("B").state()).isEqualTo(OrderState.CANCELLED);
    assertThat(last("B").reason()).isEqualTo("cancelled by admin");
    assertThat(last("B").at()).isEqualTo(T0.plusSeconds(100));
    // A cancel of an order the slot does not hold.
    send(cancel(bid("X", "office", 1, 0.2, T0), T0.plusSeconds(101)));
    assertThat(last("X").state()).isEqualTo(OrderState.REJECTED);
    assertThat(last("X").reason()).startsWith("cancel refused: no order X");
    // Submitted (event time) at gate closure: too late even before the clock gets there.
    MarketOrder d = offer("D", "office", 2, 0.25, T0.plusSeconds(90));
    send(cancel(d, GATE));
    assertThat(last("D").state()).isEqualTo(OrderState.OPEN);
    assertThat(last("D").reason()).startsWith("cancel refused: the gate closed at " + GATE);

    clock(GATE);
    assertThat(clearings().get(0).orders()).isEqualTo(3); // B took no part
    assertThat(clearings().get(0).bids()).isEqualTo(1);
    assertThat(updatesOf("B")).extracting(OrderUpdate::state).doesNotContain(OrderState.EXPIRED);

    send(cancel(d, GATE.minusSeconds(1))); // arrives after the slot closed
    assertThat(last("D").state()).isEqualTo(OrderState.EXPIRED);
    assertThat(last("D").filledKwh()).isCloseTo(0.5, within(EPS));
    assertThat(last("D").reason()).startsWith("cancel refused: the gate closed");
    MarketOrder a = bid("A", "home", 2, 0.30, T0.plusSeconds(60));
    send(cancel(a, GATE.minusSeconds(1)));
    assertThat(last("A").state()).isEqualTo(OrderState.FILLED);
  }

  @Test
  void shouldRefuseACancelOfAFilledPayAsBidOrder() throws Exception {
    harness = harness(null);
    harness.processBroadcastElement(market(FAST), 0);
    MarketOrder c = order("fast", "C", "demo", OrderSide.SELL, 1, 0.10, SLOT, T0.plusSeconds(1));
    send(c);
    send(order("fast", "A", "home", OrderSide.BUY, 1, 0.30, SLOT, T0.plusSeconds(2)));
    send(cancel(c, T0.plusSeconds(3)));
    assertThat(last("C").state()).isEqualTo(OrderState.FILLED);
    assertThat(last("C").reason()).isEqualTo("cancel refused: the order is filled");
  }

  @Test
  void shouldRejectLateInvalidAndUnknownMarketOrdersWithTheirReasonAndKeepNoStateForThem()
      throws Exception {
    harness = harness(null);
    send(bid("late", "home", 1, 0.3, GATE)); // submitted at gate closure
    send(order("nowhere", "unknown", "home", OrderSide.BUY, 1, 0.3, SLOT, T0));
    send(order(COMMUNITY, "odd", "home", OrderSide.BUY, 1, 0.3, SLOT.plusSeconds(60), T0));
    send(bid("negative", "home", -1, 0.3, T0));
    send(order(COMMUNITY, "far", "home", OrderSide.BUY, 1, 0.3, SLOT.plus(Duration.ofDays(8)), T0));

    assertThat(updates()).allSatisfy(u -> assertThat(u.state()).isEqualTo(OrderState.REJECTED));
    assertThat(last("late").reason())
        .isEqualTo(
            "gate closed: submitted at "
                + GATE
                + ", the gate of slot "
                + SLOT
                + " closed at "
                + GATE);
    assertThat(last("unknown").reason())
        .isEqualTo("unknown market 'nowhere' (no registry entry market:nowhere)");
    assertThat(last("odd").reason()).startsWith("delivery_start: must be on a 15-minute boundary");
    assertThat(last("negative").reason()).startsWith("energy_kwh: must be > 0");
    assertThat(last("far").reason()).contains("is more than PT168H after submitted_at");
    assertThat(keysWithState()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();

    // Sent before the gate closed (event time) but arriving after the clock passed it.
    clock(GATE.plusSeconds(5));
    send(bid("slow", "home", 1, 0.3, GATE.minusSeconds(30)));
    assertThat(last("slow").state()).isEqualTo(OrderState.REJECTED);
    assertThat(last("slow").reason())
        .startsWith("gate closed: the order arrived after slot " + SLOT);
    assertThat(keysWithState()).isZero();
  }

  @Test
  void shouldAnswerADuplicateSubmitWithTheOrdersStateAndNotTradeItTwice() throws Exception {
    harness = harness(null);
    MarketOrder a = bid("A", "home", 1, 0.3, T0.plusSeconds(1));
    send(a);
    send(a);
    assertThat(updatesOf("A"))
        .extracting(OrderUpdate::state, OrderUpdate::reason)
        .containsExactly(
            tuple(OrderState.OPEN, null), tuple(OrderState.OPEN, "duplicate submit ignored"));
    send(offer("C", "demo", 2, 0.1, T0.plusSeconds(2)));
    clock(GATE);
    assertThat(trades()).singleElement().satisfies(t -> assertThat(t.energyKwh()).isEqualTo(1.0));
  }

  @Test
  void shouldDeleteTheSlotAfterTheRetentionAndStillRejectItsLateOrders() throws Exception {
    harness = harness(null);
    fourOrders();
    clock(GATE);
    assertThat(keysWithState()).isEqualTo(2); // closed: status + final order states
    clock(GATE.plus(CONFIG.closedSlotRetention()).minusMillis(1));
    assertThat(keysWithState()).isEqualTo(2);

    clock(GATE.plus(CONFIG.closedSlotRetention()));
    assertThat(keysWithState()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();

    int before = outputs().size();
    send(cancel(bid("A", "home", 2, 0.30, T0.plusSeconds(60)), GATE.minusSeconds(1)));
    assertThat(outputs()).hasSize(before); // forgotten: not answered (it would erase "filled")
    send(bid("Z", "home", 1, 0.3, GATE.minusSeconds(1)));
    assertThat(last("Z").state()).isEqualTo(OrderState.REJECTED);
    assertThat(keysWithState()).isZero();
  }

  @Test
  void shouldKeepTheModeASlotOpenedWithWhenTheRegistryChangesIt() throws Exception {
    harness = harness(null);
    send(bid("A", "home", 1, 0.3, T0.plusSeconds(1)));
    harness.processBroadcastElement(
        market(new MarketSpec(COMMUNITY, "Community", MarketMode.PAY_AS_BID, 300)), 0);
    send(offer("C", "demo", 1, 0.1, T0.plusSeconds(2)));
    assertThat(trades()).isEmpty(); // still pay-as-clear

    Instant next = SLOT.plus(MarketSpec.SLOT);
    send(order(COMMUNITY, "A2", "home", OrderSide.BUY, 1, 0.3, next, T0.plusSeconds(3)));
    send(order(COMMUNITY, "C2", "demo", OrderSide.SELL, 1, 0.1, next, T0.plusSeconds(4)));
    assertThat(trades())
        .singleElement()
        .satisfies(t -> assertThat(t.mode()).isEqualTo(MarketMode.PAY_AS_BID));
  }

  @Test
  void shouldClearIdenticallyAfterRestoringFromASnapshotTakenMidSlot() throws Exception {
    harness = harness(null);
    harness.processBroadcastElement(market(FAST), 0);
    fourOrders();
    send(order("fast", "F1", "demo", OrderSide.SELL, 1, 0.10, SLOT, T0.plusSeconds(5)));
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    int atSnapshot = outputs().size();
    continueSlots();
    List<MarketOutput> expected = outputs().subList(atSnapshot, outputs().size());
    assertThat(expected.stream().filter(o -> o.clearing() != null)).hasSize(2);
    harness.close();

    harness = harness(snapshot);
    assertThat(keysWithState()).isEqualTo(4); // two slots: status + orders each
    continueSlots();
    assertThat(outputs()).containsExactlyElementsOf(expected);
  }

  /** After the snapshot: one more order per slot, then both gates close. */
  private void continueSlots() throws Exception {
    send(offer("E", "demo", 0.5, 0.15, T0.plusSeconds(120)));
    send(order("fast", "F2", "home", OrderSide.BUY, 0.4, 0.35, SLOT, T0.plusSeconds(121)));
    clock(GATE);
  }
}
