package io.voltstream.jobs.marketagents;

import static io.voltstream.jobs.marketagents.MarketAgentTestData.HOME;
import static io.voltstream.jobs.marketagents.MarketAgentTestData.OFFICE;
import static io.voltstream.jobs.marketagents.MarketAgentTestData.SHED;
import static io.voltstream.jobs.marketagents.MarketAgentTestData.SLOT_0800;
import static io.voltstream.jobs.marketagents.MarketAgentTestData.SLOT_0815;
import static io.voltstream.jobs.marketagents.MarketAgentTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.OrderAction;
import io.voltstream.model.market.OrderOrigin;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agent operator on {@link MarketAgentTestData}'s community, with default settings. */
class MarketAgentFunctionTest {
  private KeyedBroadcastOperatorTestHarness<String, AgentInput, RegistryChange, MarketOrder>
      harness;

  private static KeyedBroadcastOperatorTestHarness<String, AgentInput, RegistryChange, MarketOrder>
      harness(OperatorSubtaskState restoreFrom) throws Exception {
    var h =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new MarketAgentFunction(MarketAgentsJobConfig.defaults()),
                List.of(MarketAgentFunction.REGISTRY)),
            AgentInput::building,
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

  private void registry() throws Exception {
    for (Map.Entry<String, Object> e : MarketAgentTestData.entries().entrySet()) {
      put(RegistryKey.decode(e.getKey()).orElseThrow(), e.getValue());
    }
  }

  private void put(RegistryKey key, Object value) throws Exception {
    harness.processBroadcastElement(
        new RegistryChange(key, value == null ? null : Json.MAPPER.writeValueAsString(value)), 0);
  }

  private void power(String building, String sensor, double w, Instant at) throws Exception {
    harness.processElement(
        new StreamRecord<>(
            AgentInput.of(
                new DispatchInput(
                    DispatchInput.Kind.POWER,
                    building,
                    sensor,
                    at,
                    w,
                    Double.NaN,
                    false,
                    0,
                    null,
                    null)),
            at.toEpochMilli()));
  }

  private void battery(double soc, Instant at) throws Exception {
    harness.processElement(
        new StreamRecord<>(
            AgentInput.of(
                new DispatchInput(
                    DispatchInput.Kind.BATTERY,
                    HOME,
                    "home-bat",
                    at,
                    0,
                    Double.NaN,
                    false,
                    soc,
                    null,
                    null)),
            at.toEpochMilli()));
  }

  private void forecast(String json) throws Exception {
    harness.processElement(
        new StreamRecord<>(AgentInput.of(DispatchInput.forecast(json).orElseThrow())));
  }

  private void status(String orderId, Instant slot, OrderState state, double filledKwh)
      throws Exception {
    harness.processElement(
        new StreamRecord<>(
            AgentInput.of(
                new OrderUpdate(
                    orderId,
                    "community",
                    OFFICE,
                    OrderSide.BUY,
                    slot,
                    state,
                    0.5,
                    0.2,
                    filledKwh,
                    0.5 - filledKwh,
                    null,
                    OrderOrigin.AGENT,
                    null,
                    T0))));
  }

  private List<MarketOrder> out() {
    return harness.extractOutputValues();
  }

  private List<MarketOrder> since(int from) {
    List<MarketOrder> all = out();
    return all.subList(from, all.size());
  }

  private static String id(String building, Instant slot, int n) {
    return "agent-" + building + "-" + slot.getEpochSecond() + "-" + n;
  }

  private long keysWithState() throws Exception {
    var backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    long n = 0;
    for (String name :
        List.of(
            MarketAgentFunction.SENSORS.getName(),
            MarketAgentFunction.BATTERIES.getName(),
            MarketAgentFunction.FORECASTS.getName(),
            MarketAgentFunction.NET_LOAD.getName(),
            MarketAgentFunction.SLOTS.getName(),
            MarketAgentFunction.FILLS.getName(),
            MarketAgentFunction.NEXT_UPDATE.getName())) {
      n += backend.getKeys(name, VoidNamespace.INSTANCE).count();
    }
    return n;
  }

  @Test
  void shouldBidTheDeficitFromPersistenceAndRaiseThePriceEveryMinute() throws Exception {
    harness = harness(null);
    registry();
    power(OFFICE, "office-meter", 2000, T0.minusSeconds(30));
    harness.watermark(T0.minusSeconds(1).toEpochMilli());
    assertThat(out()).isEmpty();

    harness.watermark(T0.toEpochMilli());
    // 2 kW over 15 minutes = 0.5 kWh per slot. Slot 08:00Z: 15 of 29 minutes into its ramp.
    assertThat(out())
        .extracting(
            MarketOrder::action,
            MarketOrder::id,
            MarketOrder::side,
            MarketOrder::energyKwh,
            MarketOrder::priceEurPerKwh,
            MarketOrder::deliveryStart)
        .containsExactly(
            tuple(
                OrderAction.SUBMIT,
                id(OFFICE, SLOT_0800, 1),
                OrderSide.BUY,
                0.5,
                0.1797,
                SLOT_0800),
            tuple(
                OrderAction.SUBMIT, id(OFFICE, SLOT_0815, 1), OrderSide.BUY, 0.5, 0.04, SLOT_0815));
    MarketOrder first = out().get(0);
    assertThat(first.market()).isEqualTo("community");
    assertThat(first.building()).isEqualTo(OFFICE);
    assertThat(first.submittedAt()).isEqualTo(T0);
    assertThat(first.submittedBy()).isEqualTo("agent:office");
    assertThat(first.origin()).isEqualTo(OrderOrigin.AGENT);
    assertThat(first.note())
        .contains("persistence = mean metered net load of the last 15 min, 2000 W");

    power(OFFICE, "office-meter", 2000, T0.plusSeconds(30));
    harness.watermark(T0.plusSeconds(60).toEpochMilli());
    // The price moved: cancel and replace, slot by slot; 0.04 + 0.27 × 16/29 and × 1/29.
    assertThat(since(2))
        .extracting(
            MarketOrder::action,
            MarketOrder::id,
            MarketOrder::priceEurPerKwh,
            MarketOrder::submittedAt)
        .containsExactly(
            tuple(OrderAction.CANCEL, id(OFFICE, SLOT_0800, 1), 0.0, T0.plusSeconds(60)),
            tuple(OrderAction.SUBMIT, id(OFFICE, SLOT_0800, 2), 0.189, T0.plusSeconds(60)),
            tuple(OrderAction.CANCEL, id(OFFICE, SLOT_0815, 1), 0.0, T0.plusSeconds(60)),
            tuple(OrderAction.SUBMIT, id(OFFICE, SLOT_0815, 2), 0.0493, T0.plusSeconds(60)));
  }

  @Test
  void shouldOfferAForecastSurplusThatTheFullBatteryCannotStore() throws Exception {
    harness = harness(null);
    registry();
    Instant issued = T0.minusSeconds(39 * 60); // 07:01Z
    Instant hour = Instant.parse("2026-04-15T07:00:00Z");
    forecast(MarketAgentTestData.forecast(HOME, "consumption", issued, hour, 3, 1.0));
    forecast(MarketAgentTestData.forecast(HOME, "generation", issued, hour, 3, 5.0));
    battery(95, T0.minusSeconds(30));
    harness.watermark(T0.toEpochMilli());

    // (1.0 − 5.0) / 4 = −1.0 kWh per slot; the battery at its max SoC takes nothing.
    assertThat(out())
        .extracting(
            MarketOrder::id, MarketOrder::side, MarketOrder::energyKwh, MarketOrder::priceEurPerKwh)
        .containsExactly(
            tuple(id(HOME, SLOT_0800, 1), OrderSide.SELL, 1.0, 0.1703),
            tuple(id(HOME, SLOT_0815, 1), OrderSide.SELL, 1.0, 0.31));
    assertThat(out().get(0).note())
        .startsWith(
            "offer 1.000 kWh: net load -1.000 kWh (forecast consumption 0.250 − generation"
                + " 1.250 kWh)");

    // Half full, the battery stores the surplus (1.25 kWh per slot fit): nothing left to offer,
    // the resting offers are cancelled.
    battery(50, T0.plusSeconds(30));
    harness.watermark(T0.plusSeconds(60).toEpochMilli());
    assertThat(since(2))
        .extracting(MarketOrder::action, MarketOrder::id)
        .containsExactly(
            tuple(OrderAction.CANCEL, id(HOME, SLOT_0800, 1)),
            tuple(OrderAction.CANCEL, id(HOME, SLOT_0815, 1)));
  }

  @Test
  void shouldStopUpdatingOneIntervalBeforeTheGateWithPricesThatCross() throws Exception {
    harness = harness(null);
    registry();
    int maxSlots = 0;
    for (Instant t = T0; !t.isAfter(Instant.parse("2026-04-15T08:12:00Z")); t = t.plusSeconds(60)) {
      power(OFFICE, "office-meter", 2000, t.minusSeconds(30));
      harness.watermark(t.toEpochMilli());
      maxSlots = Math.max(maxSlots, slotEntries(OFFICE));
    }
    List<MarketOrder> submits =
        out().stream().filter(o -> o.action() == OrderAction.SUBMIT).toList();
    assertThat(submits)
        .allSatisfy(
            o ->
                assertThat(o.submittedAt())
                    .isBeforeOrEqualTo(o.deliveryStart().minusSeconds(300 + 60)));
    List<MarketOrder> for0815 =
        submits.stream().filter(o -> o.deliveryStart().equals(SLOT_0815)).toList();
    assertThat(for0815).hasSize(30); // 07:40 … 08:09, one per minute
    MarketOrder last = for0815.get(for0815.size() - 1);
    assertThat(last.submittedAt()).isEqualTo(Instant.parse("2026-04-15T08:09:00Z"));
    assertThat(last.priceEurPerKwh()).isEqualTo(0.31); // at the import price: crosses any offer
    assertThat(last.id()).isEqualTo(id(OFFICE, SLOT_0815, 30));
    assertThat(for0815).extracting(MarketOrder::priceEurPerKwh).isSorted().doesNotHaveDuplicates();
    // Nothing cancels a slot's last order (the market closes it at the gate).
    assertThat(out())
        .filteredOn(o -> o.action() == OrderAction.CANCEL && o.id().equals(last.id()))
        .isEmpty();
    assertThat(maxSlots).isLessThanOrEqualTo(3);
  }

  @Test
  void shouldOrderOnlyWhatIsNotFilledYet() throws Exception {
    harness = harness(null);
    registry();
    power(OFFICE, "office-meter", 2000, T0.minusSeconds(30));
    harness.watermark(T0.toEpochMilli());
    status(id(OFFICE, SLOT_0800, 1), SLOT_0800, OrderState.FILLED, 0.5);
    status(id(OFFICE, SLOT_0815, 1), SLOT_0815, OrderState.PARTIALLY_FILLED, 0.2);
    power(OFFICE, "office-meter", 2000, T0.plusSeconds(30));
    harness.watermark(T0.plusSeconds(60).toEpochMilli());

    // 08:00Z is bought: no order, no cancel of the filled one. 08:15Z: 0.3 kWh left.
    assertThat(since(2))
        .extracting(MarketOrder::action, MarketOrder::id, MarketOrder::energyKwh)
        .containsExactly(
            tuple(OrderAction.CANCEL, id(OFFICE, SLOT_0815, 1), 0.0),
            tuple(OrderAction.SUBMIT, id(OFFICE, SLOT_0815, 2), 0.3));
    assertThat(since(2).get(1).note()).contains("already traded 0.200 kWh");
  }

  @Test
  void shouldCancelOpenOrdersWhenTheAgentIsSwitchedOffAndForgetTheBuilding() throws Exception {
    harness = harness(null);
    registry();
    power(OFFICE, "office-meter", 2000, T0.minusSeconds(30));
    harness.watermark(T0.toEpochMilli());
    assertThat(out()).hasSize(2);

    put(RegistryKey.building(OFFICE), MarketAgentTestData.building(OFFICE, false));
    power(OFFICE, "office-meter", 2000, T0.plusSeconds(30)); // ignored: agent off
    harness.watermark(T0.plusSeconds(60).toEpochMilli());
    assertThat(since(2))
        .extracting(MarketOrder::action, MarketOrder::id, MarketOrder::submittedAt)
        .containsExactly(
            tuple(OrderAction.CANCEL, id(OFFICE, SLOT_0800, 1), T0.plusSeconds(60)),
            tuple(OrderAction.CANCEL, id(OFFICE, SLOT_0815, 1), T0.plusSeconds(60)));
    assertThat(keysWithState()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();

    harness.watermark(T0.plusSeconds(600).toEpochMilli());
    assertThat(out()).hasSize(4);
  }

  @Test
  void shouldCancelWhenTheBuildingLeavesTheRegistry() throws Exception {
    harness = harness(null);
    registry();
    power(OFFICE, "office-meter", 2000, T0.minusSeconds(30));
    harness.watermark(T0.toEpochMilli());
    put(RegistryKey.building(OFFICE), null);
    harness.watermark(T0.plusSeconds(60).toEpochMilli());
    assertThat(since(2)).extracting(MarketOrder::action).containsOnly(OrderAction.CANCEL);
    assertThat(since(2)).hasSize(2);
    assertThat(keysWithState()).isZero();
  }

  @Test
  void shouldIgnoreBuildingsWithTheAgentOffOrAnUnknownMarket() throws Exception {
    harness = harness(null);
    registry();
    power(SHED, "shed-meter", 3000, T0.minusSeconds(30));
    harness.watermark(T0.toEpochMilli());
    assertThat(out()).isEmpty();
    assertThat(keysWithState()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();

    put(
        RegistryKey.building(OFFICE),
        new Building(
            OFFICE,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new MarketMembership("nowhere", true)));
    power(OFFICE, "office-meter", 2000, T0.plusSeconds(30));
    harness.watermark(T0.plusSeconds(60).toEpochMilli());
    assertThat(out()).isEmpty(); // the market job would reject orders for an unknown market
  }

  @Test
  void shouldDropStateWhenInputsGoStaleAndNoOrderIsOpen() throws Exception {
    harness = harness(null);
    registry();
    power(OFFICE, "office-meter", 2000, T0.minusSeconds(30));
    harness.watermark(T0.toEpochMilli());
    // Silence: the meter is stale after 2 minutes; the orders rest until their gates close.
    harness.watermark(Instant.parse("2026-04-15T08:10:00Z").toEpochMilli());
    assertThat(keysWithState()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void shouldContinueIdenticallyAfterRestoringFromASnapshot() throws Exception {
    harness = harness(null);
    registry();
    power(OFFICE, "office-meter", 2000, T0.minusSeconds(30));
    harness.watermark(T0.toEpochMilli());
    power(OFFICE, "office-meter", 1600, T0.plusSeconds(30));
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.watermark(T0.plusSeconds(60).toEpochMilli());
    harness.watermark(T0.plusSeconds(120).toEpochMilli());
    List<MarketOrder> expected = List.copyOf(since(2));
    assertThat(expected).hasSize(8);
    harness.close();

    harness = harness(snapshot);
    assertThat(slotEntries(OFFICE)).isEqualTo(2);
    harness.watermark(T0.plusSeconds(60).toEpochMilli());
    harness.watermark(T0.plusSeconds(120).toEpochMilli());
    // Registry, sensors, net-load history, slots with their sequence numbers and the timer chain
    // came back: the same cancels and orders (ids -2, -3; persistence now (2000 + 1600) / 2 W).
    assertThat(out()).containsExactlyElementsOf(expected);
    assertThat(expected.get(1).energyKwh()).isEqualTo(0.45);
    assertThat(expected.get(1).id()).isEqualTo(id(OFFICE, SLOT_0800, 2));
  }

  private int slotEntries(String building) throws Exception {
    @SuppressWarnings("unchecked")
    var backend =
        (org.apache.flink.runtime.state.KeyedStateBackend<String>)
            (org.apache.flink.runtime.state.KeyedStateBackend<?>)
                ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    backend.setCurrentKey(building);
    var state =
        backend.getPartitionedState(
            VoidNamespace.INSTANCE,
            org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE,
            MarketAgentFunction.SLOTS);
    int n = 0;
    for (var ignored : state.keys()) {
      n++;
    }
    return n;
  }
}
