package io.voltstream.jobs.dispatch;

import static io.voltstream.jobs.dispatch.logic.DispatchTestData.BIG;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SELF_CONSUMPTION;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SMALL;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.market.MarketMode;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.jobs.dispatch.logic.BatteryDecision;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.market.MarketTrade;
import java.time.Instant;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatch operator with market trades: legs per building and slot, followed, then dropped. */
class DispatchMarketPositionTest {
  private static final long STEP = 10_000;
  private KeyedBroadcastOperatorTestHarness<String, DispatchInput, RegistryChange, BatteryDecision>
      harness;

  @AfterEach
  void tearDown() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  private void start(OperatorSubtaskState restoreFrom) throws Exception {
    harness = DispatchFunctionTest.harness(restoreFrom);
    DispatchFunctionTest.registry(harness, SELF_CONSUMPTION);
  }

  /** Net load {@code loadW} and both batteries half full, reported at {@code at}. */
  private void measure(double loadW, Instant at) throws Exception {
    send(
        new DispatchInput(
            DispatchInput.Kind.POWER,
            "demo",
            "meter",
            at,
            loadW,
            Double.NaN,
            false,
            0,
            null,
            null));
    for (BatterySpec b : List.of(BIG, SMALL)) {
      send(
          new DispatchInput(
              DispatchInput.Kind.BATTERY,
              "demo",
              b.id(),
              at,
              0,
              Double.NaN,
              false,
              50,
              null,
              null));
    }
  }

  private void trade(String id, Instant slot, String buyer, String seller, double kwh)
      throws Exception {
    MarketTrade t =
        new MarketTrade(
            id,
            "community",
            slot,
            id + "-bid",
            id + "-offer",
            buyer,
            seller,
            kwh,
            0.2,
            MarketMode.PAY_AS_CLEAR,
            slot.minusSeconds(300));
    for (DispatchInput leg : DispatchInput.legs(t)) {
      send(leg);
    }
  }

  private void send(DispatchInput in) throws Exception {
    harness.processElement(new StreamRecord<>(in, in.at().toEpochMilli()));
  }

  private List<BatteryDecision> at(Instant when) {
    return harness.extractOutputValues().stream()
        .filter(d -> d.at().equals(when) && d.building().equals("demo"))
        .toList();
  }

  private static double totalChargingW(List<BatteryDecision> decisions) {
    return decisions.stream().mapToDouble(BatteryDecision::setpointW).sum();
  }

  private long legKeys() throws Exception {
    var backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    return backend.getKeys(DispatchFunction.MARKET_LEGS.getName(), VoidNamespace.INSTANCE).count();
  }

  @Test
  void shouldDeliverASaleInItsSlotOnlyAndCountAReplayedTradeOnce() throws Exception {
    start(null);
    trade("community-1", T0, "office-west", "demo", 1.0);
    trade("community-1", T0, "office-west", "demo", 1.0); // replay: same id
    measure(1000, T0);
    harness.watermark(T0.toEpochMilli() + STEP);

    List<BatteryDecision> first = at(T0.plusSeconds(10));
    assertThat(first).hasSize(2);
    assertThat(totalChargingW(first)).isCloseTo(-5000, within(1e-6));
    assertThat(first)
        .allSatisfy(d -> assertThat(d.reason()).contains("delivering 1.00 kWh sold in the market"));

    // The next slot: the sale is over, and its leg leaves the state.
    Instant next = T0.plus(MarketSpec.SLOT);
    measure(1000, next.minusSeconds(5));
    harness.watermark(next.toEpochMilli());
    assertThat(totalChargingW(at(next))).isCloseTo(-1000, within(1e-6));
    assertThat(legKeys()).isZero();
  }

  @Test
  void shouldLetABuyersPurchaseCoverItsLoad() throws Exception {
    start(null);
    trade("community-2", T0, "demo", "home-east", 1.0);
    measure(5000, T0);
    harness.watermark(T0.toEpochMilli() + STEP);

    assertThat(totalChargingW(at(T0.plusSeconds(10)))).isCloseTo(-1000, within(1e-6));
  }

  @Test
  void shouldFollowTheSameLegsAfterASnapshotAndRestore() throws Exception {
    start(null);
    trade("community-3", T0, "office-west", "demo", 0.5);
    measure(1000, T0);
    harness.watermark(T0.toEpochMilli() + STEP);
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.watermark(T0.toEpochMilli() + 3 * STEP);
    List<BatteryDecision> original =
        harness.extractOutputValues().stream()
            .filter(d -> d.at().isAfter(T0.plusSeconds(10)))
            .toList();
    harness.close();

    start(snapshot);
    harness.watermark(T0.toEpochMilli() + 3 * STEP);

    assertThat(harness.extractOutputValues()).isNotEmpty().containsExactlyElementsOf(original);
    assertThat(totalChargingW(at(T0.plusSeconds(30)))).isCloseTo(-3000, within(1e-6));
  }
}
