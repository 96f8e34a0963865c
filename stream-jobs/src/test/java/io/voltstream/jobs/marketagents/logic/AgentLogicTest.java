package io.voltstream.jobs.marketagents.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.market.OrderSide;
import io.voltstream.energy.market.agent.AgentOrder;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Forecast freshness, the persistence fallback and cancel-and-replace. */
class AgentLogicTest {
  private static final Instant AT = Instant.parse("2026-04-15T07:40:00Z");
  private static final Instant SLOT = Instant.parse("2026-04-15T08:15:00Z");
  private static final Duration MAX_AGE = Duration.ofHours(2);

  private static AgentForecast forecast(String target, Instant issued, double kwh) {
    String json =
        "{\"building\":\"home\",\"target\":\""
            + target
            + "\",\"issued_at\":\""
            + issued
            + "\",\"values\":[{\"hour\":\"2026-04-15T08:00:00Z\",\"value_kwh\":"
            + kwh
            + "}]}";
    return AgentForecast.parse(json).orElseThrow();
  }

  @Test
  void shouldTakeAQuarterOfTheHoursForecastWhenFresh() {
    AgentForecast use = forecast("consumption", AT.minusSeconds(3600), 2.0);
    AgentForecast gen = forecast("generation", AT.minusSeconds(3600), 0.8);
    SlotNetLoad n =
        SlotNetLoad.estimate(AT, SLOT, use, gen, MAX_AGE, OptionalDouble.of(9999)).get();
    assertThat(n.netLoadKwh()).isCloseTo(0.3, within(1e-12));
    assertThat(n.basis()).isEqualTo("forecast consumption 0.500 − generation 0.200 kWh");

    SlotNetLoad noGen =
        SlotNetLoad.estimate(AT, SLOT, use, null, MAX_AGE, OptionalDouble.empty()).get();
    assertThat(noGen.netLoadKwh()).isEqualTo(0.5);
    assertThat(noGen.basis()).contains("no fresh generation forecast, counted 0");
  }

  @Test
  void shouldFallBackToPersistenceWhenNoForecastIsFreshForTheSlot() {
    AgentForecast old = forecast("consumption", AT.minus(Duration.ofHours(3)), 2.0);
    SlotNetLoad n =
        SlotNetLoad.estimate(AT, SLOT, old, null, MAX_AGE, OptionalDouble.of(-1200)).get();
    assertThat(n.netLoadKwh()).isCloseTo(-0.3, within(1e-12));
    assertThat(n.basis())
        .isEqualTo(
            "no fresh forecast for the slot: persistence = mean metered net load of the last 15"
                + " min, -1200 W");
    // Fresh, but not covering the slot's hour (09:00Z).
    AgentForecast fresh = forecast("consumption", AT, 2.0);
    assertThat(
            SlotNetLoad.estimate(
                    AT, SLOT.plusSeconds(3600), fresh, null, MAX_AGE, OptionalDouble.of(400))
                .get()
                .basis())
        .startsWith("no fresh forecast");
    assertThat(SlotNetLoad.estimate(AT, SLOT, null, null, MAX_AGE, OptionalDouble.empty()))
        .isEmpty();
  }

  @Test
  void shouldNotParseABatchWithoutIssuedAt() {
    assertThat(AgentForecast.parse("{\"building\":\"b\",\"target\":\"consumption\",\"values\":[]}"))
        .isEmpty();
    assertThat(AgentForecast.parse("not json")).isEmpty();
  }

  @Test
  void shouldCancelAndReplaceOnlyWhenTheWantedOrderChanged() {
    AgentSlot fresh = AgentSlot.fresh(SLOT, SLOT.minusSeconds(300));
    AgentOrder bid = new AgentOrder(SLOT, OrderSide.BUY, 0.5, 0.1, "why");
    AgentOrders.Step first =
        AgentOrders.reconcile("home", "community", AT, fresh, Optional.of(bid));
    assertThat(first.emitted()).hasSize(1);
    MarketOrder o = first.emitted().get(0);
    assertThat(o.id()).isEqualTo("agent-home-" + SLOT.getEpochSecond() + "-1");
    assertThat(o.action()).isEqualTo(OrderAction.SUBMIT);
    assertThat(o.origin()).isEqualTo(OrderOrigin.AGENT);
    assertThat(o.submittedBy()).isEqualTo("agent:home");
    assertThat(o.note()).isEqualTo("why");
    assertThat(first.slot().sequence()).isEqualTo(1);

    Instant later = AT.plusSeconds(60);
    assertThat(
            AgentOrders.reconcile("home", "community", later, first.slot(), Optional.of(bid))
                .emitted())
        .isEmpty();

    AgentOrders.Step moved =
        AgentOrders.reconcile(
            "home",
            "community",
            later,
            first.slot(),
            Optional.of(new AgentOrder(SLOT, OrderSide.BUY, 0.5, 0.11, "why")));
    assertThat(moved.emitted())
        .extracting(MarketOrder::action, MarketOrder::id, MarketOrder::submittedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(OrderAction.CANCEL, o.id(), later),
            org.assertj.core.groups.Tuple.tuple(
                OrderAction.SUBMIT, "agent-home-" + SLOT.getEpochSecond() + "-2", later));

    // Another market (membership changed): replaced too.
    assertThat(
            AgentOrders.reconcile("home", "other", later, first.slot(), Optional.of(bid)).emitted())
        .extracting(MarketOrder::action, MarketOrder::market)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(OrderAction.CANCEL, "community"),
            org.assertj.core.groups.Tuple.tuple(OrderAction.SUBMIT, "other"));

    AgentOrders.Step gone =
        AgentOrders.reconcile("home", "community", later, moved.slot(), Optional.empty());
    assertThat(gone.emitted()).extracting(MarketOrder::action).containsExactly(OrderAction.CANCEL);
    assertThat(gone.slot().open()).isNull();
    assertThat(gone.slot().sequence()).isEqualTo(2);
    assertThat(AgentOrders.cancelAll("home", later, List.of(gone.slot(), moved.slot()))).hasSize(1);
  }

  @Test
  void shouldRecogniseTheBuildingsOwnAgentOrders() {
    assertThat(AgentOrders.isAgentOrderOf("home", "agent-home-1776240900-3")).isTrue();
    assertThat(AgentOrders.isAgentOrderOf("home", "agent-home-east-1776240900-3")).isFalse();
    assertThat(AgentOrders.isAgentOrderOf("home-east", "agent-home-east-1776240900-3")).isTrue();
    assertThat(AgentOrders.isAgentOrderOf("home", "agent-office-1776240900-3")).isFalse();
    assertThat(AgentOrders.isAgentOrderOf("home", "0b3f…")).isFalse();
  }
}
