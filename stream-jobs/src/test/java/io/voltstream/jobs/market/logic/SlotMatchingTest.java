package io.voltstream.jobs.market.logic;

import static io.voltstream.jobs.market.MarketTestData.GATE;
import static io.voltstream.jobs.market.MarketTestData.SLOT;
import static io.voltstream.jobs.market.MarketTestData.T0;
import static io.voltstream.jobs.market.MarketTestData.bid;
import static io.voltstream.jobs.market.MarketTestData.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotMatchingTest {
  private static final SlotStatus CLEAR = SlotStatus.opened(MarketSpec.defaults(), SLOT);
  private static final SlotStatus BID =
      SlotStatus.opened(new MarketSpec("community", null, MarketMode.PAY_AS_BID, 300), SLOT);

  @Test
  void shouldOnlyOpenAPayAsClearOrderUntilGateClosure() {
    SlotOrder resting = SlotOrder.accepted(offer("C", "demo", 1, 0.1, T0));
    SlotOutcome out = SlotMatching.submit(CLEAR, List.of(resting), bid("A", "home", 1, 0.3, T0));
    assertThat(out.trades()).isEmpty();
    assertThat(out.updates()).extracting(OrderUpdate::state).containsExactly(OrderState.OPEN);
    assertThat(out.changed()).extracting(SlotOrder::id).containsExactly("A");
  }

  @Test
  void shouldNumberTradesOnFromTheSlotsCountAndKeepAmountsPerOrder() {
    SlotStatus twoTradesAlready = BID.withTrade(1, 0.2).withTrade(1, 0.2);
    SlotOrder c = SlotOrder.accepted(offer("C", "demo", 1, 0.1, T0));
    SlotOrder d = SlotOrder.accepted(offer("D", "office", 1, 0.2, T0.plusSeconds(1)));
    SlotOutcome out =
        SlotMatching.submit(twoTradesAlready, List.of(d, c), bid("A", "home", 1.5, 0.3, T0));

    assertThat(out.trades())
        .extracting(t -> t.id(), t -> t.sellOrderId(), t -> t.energyKwh())
        .containsExactly(
            tuple("community-" + SLOT.getEpochSecond() + "-3", "C", 1.0),
            tuple("community-" + SLOT.getEpochSecond() + "-4", "D", 0.5));
    assertThat(out.status().trades()).isEqualTo(4);
    assertThat(out.status().volumeKwh()).isEqualTo(3.5);
    SlotOrder a = out.changed().get(out.changed().size() - 1);
    assertThat(a.id()).isEqualTo("A");
    assertThat(a.state()).isEqualTo(OrderState.FILLED);
    assertThat(a.amountEur()).isEqualTo(1.5 * 0.3);
    assertThat(out.changed())
        .extracting(SlotOrder::id, SlotOrder::state, SlotOrder::remainingKwh)
        .containsExactly(
            tuple("C", OrderState.FILLED, 0.0),
            tuple("D", OrderState.PARTIALLY_FILLED, 0.5),
            tuple("A", OrderState.FILLED, 0.0));
  }

  @Test
  void shouldCloseAnEmptyBookWithoutPriceAndExpireEveryOrder() {
    SlotOrder a = SlotOrder.accepted(bid("A", "home", 1, 0.1, T0));
    SlotOrder c = SlotOrder.accepted(offer("C", "demo", 1, 0.3, T0));
    SlotOutcome out = SlotMatching.close(CLEAR, List.of(a, c));
    assertThat(out.trades()).isEmpty();
    assertThat(out.updates())
        .extracting(OrderUpdate::orderId, OrderUpdate::state, OrderUpdate::at)
        .containsExactly(
            tuple("A", OrderState.EXPIRED, GATE), tuple("C", OrderState.EXPIRED, GATE));
    assertThat(out.clearing().priceEurPerKwh()).isNull();
    assertThat(out.clearing().volumeKwh()).isZero();
    assertThat(out.clearing().orders()).isEqualTo(2);
    assertThat(out.status().closed()).isTrue();
  }

  @Test
  void shouldCountACancelledOrderInTheClearingOnlyIfItTraded() {
    SlotOrder untouched =
        SlotOrder.accepted(bid("A", "home", 1, 0.3, T0)).ended(OrderState.CANCELLED, "x");
    SlotOrder partly =
        SlotOrder.accepted(bid("B", "office", 1, 0.3, T0))
            .traded(0.5, 0.15)
            .ended(OrderState.CANCELLED, "x");
    SlotOutcome out = SlotMatching.close(BID.withTrade(0.5, 0.3), List.of(untouched, partly));
    assertThat(out.updates()).isEmpty();
    assertThat(out.clearing().orders()).isEqualTo(1);
    assertThat(out.clearing().participants()).isEqualTo(1);
    assertThat(out.clearing().priceEurPerKwh()).isEqualTo(0.3);
  }
}
