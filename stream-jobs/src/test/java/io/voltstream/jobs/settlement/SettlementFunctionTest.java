package io.voltstream.jobs.settlement;

import static io.voltstream.jobs.settlement.SettlementTestData.CONFIG;
import static io.voltstream.jobs.settlement.SettlementTestData.EPS;
import static io.voltstream.jobs.settlement.SettlementTestData.HOME;
import static io.voltstream.jobs.settlement.SettlementTestData.OFFICE;
import static io.voltstream.jobs.settlement.SettlementTestData.SLOT;
import static io.voltstream.jobs.settlement.SettlementTestData.SLOT_END;
import static io.voltstream.jobs.settlement.SettlementTestData.SWITCH;
import static io.voltstream.jobs.settlement.SettlementTestData.TRADE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.finance.SlotFinance;
import io.voltstream.jobs.dispatch.DispatchInput;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.jobs.settlement.logic.FinanceRow;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.SensorReading;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.Settlement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettlementFunctionTest {
  private KeyedBroadcastOperatorTestHarness<
          String, SettlementInput, RegistryChange, SettlementOutput>
      harness;

  static KeyedBroadcastOperatorTestHarness<
          String, SettlementInput, RegistryChange, SettlementOutput>
      harness(OperatorSubtaskState restoreFrom) throws Exception {
    var h =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new SettlementFunction(CONFIG), List.of(SettlementFunction.REGISTRY)),
            SettlementInput::building,
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

  private void meterAndBattery(Instant from, Instant to) throws Exception {
    for (SensorReading r : SettlementTestData.readings(from, to)) {
      input(SettlementInput.meter(new RoomReading(r.room(), HOME, r)).orElseThrow());
    }
    for (BatteryTelemetry t : SettlementTestData.battery(from, to)) {
      input(SettlementInput.battery(DispatchInput.battery(t).withBuilding(HOME)));
    }
  }

  private void trade(MarketTrade t) throws Exception {
    for (SettlementInput leg : SettlementInput.legs(t)) {
      input(leg);
    }
  }

  private void input(SettlementInput in) throws Exception {
    harness.processElement(new StreamRecord<>(in, in.at().toEpochMilli()));
  }

  private void watermark(Instant t) throws Exception {
    harness.processBroadcastWatermark(t.toEpochMilli());
    harness.processWatermark(t.toEpochMilli());
  }

  private List<Settlement> settlements() {
    return harness.extractOutputValues().stream()
        .map(SettlementOutput::settlement)
        .filter(s -> s != null)
        .toList();
  }

  private Map<String, FinanceRow> rows(Instant slot) {
    return harness.extractOutputValues().stream()
        .map(SettlementOutput::finance)
        .filter(f -> f != null && f.slot().equals(slot))
        .collect(
            Collectors.toMap(
                f -> f.building() + "/" + (f.room() == null ? "" : f.room()),
                Function.identity(),
                (a, b) -> b));
  }

  private long keyedStateEntries() throws Exception {
    var backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    long n = 0;
    for (var d :
        List.of(
            SettlementFunction.METERS,
            SettlementFunction.BATTERIES,
            SettlementFunction.PENDING,
            SettlementFunction.BUILDING_SLOTS,
            SettlementFunction.ROOM_SLOTS,
            SettlementFunction.TRADES,
            SettlementFunction.DR_BY_SLOT,
            SettlementFunction.DR_SEEN,
            SettlementFunction.SETTLED)) {
      n += backend.getKeys(d.getName(), VoidNamespace.INSTANCE).count();
    }
    n +=
        backend
            .getKeys(SettlementFunction.INTEGRATED_UNTIL.getName(), VoidNamespace.INSTANCE)
            .count();
    return n;
  }

  @Test
  void shouldSettleBuyerAndSellerWithHandComputedFigures() throws Exception {
    harness = harness(null);
    trade(TRADE);
    meterAndBattery(SLOT, SLOT_END.plusSeconds(1));
    watermark(SLOT_END);

    Map<String, Settlement> byBuilding =
        settlements().stream().collect(Collectors.toMap(Settlement::building, s -> s));
    assertThat(byBuilding).containsOnlyKeys(HOME, OFFICE);
    Settlement home = byBuilding.get(HOME);
    assertThat(home.market()).isEqualTo("community");
    assertThat(home.slot()).isEqualTo(SLOT);
    assertThat(home.boughtKwh()).isEqualTo(0.2);
    assertThat(home.paidEur()).isCloseTo(0.03, within(EPS));
    assertThat(home.meteredNetKwh()).isCloseTo(7.0 / 24, within(EPS));
    assertThat(home.deviationKwh()).isCloseTo(7.0 / 24 - 0.2, within(EPS));
    assertThat(home.deviationEur()).isCloseTo((7.0 / 24 - 0.2) * 0.31, within(EPS));
    assertThat(home.netCostEur()).isCloseTo(0.03 + (7.0 / 24 - 0.2) * 0.31, within(EPS));
    assertThat(home.gridOnlyCostEur()).isCloseTo(7.0 / 24 * 0.31, within(EPS));
    assertThat(home.savingsEur()).isCloseTo(0.032, within(EPS));
    assertThat(home.meteredShare()).isEqualTo(1.0);
    assertThat(home.settledAt()).isEqualTo(SLOT_END);
    // Office sold 0.2 kWh but has no meter: all of it is a deviation bought at 0.31.
    Settlement office = byBuilding.get(OFFICE);
    assertThat(office.receivedEur()).isCloseTo(0.03, within(EPS));
    assertThat(office.deviationKwh()).isCloseTo(0.2, within(EPS));
    assertThat(office.netCostEur()).isCloseTo(-0.03 + 0.062, within(EPS));
    assertThat(office.meteredShare()).isZero();
    assertThat(home.paidEur()).isCloseTo(office.receivedEur(), within(EPS));

    Map<String, FinanceRow> rows = rows(SLOT);
    assertThat(rows).containsOnlyKeys("home/", "home/kitchen", "home/roof", "office/");
    SlotFinance b = rows.get("home/").figures();
    assertThat(b.importKwh()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(b.exportKwh()).isCloseTo(1.0 / 24, within(EPS));
    assertThat(b.energyCostEur()).isCloseTo(0.31 / 3, within(EPS));
    assertThat(b.feedInRevenueEur()).isCloseTo(0.04 / 24, within(EPS));
    assertThat(b.netCostEur()).isCloseTo(home.netCostEur(), within(EPS));
    assertThat(b.p2pSavingsEur()).isCloseTo(0.032, within(EPS));
    assertThat(b.batterySavingsEur()).isCloseTo(0.05, within(EPS));
    assertThat(b.co2Kg()).isCloseTo((1.0 / 3 - 0.2) * 0.110, within(EPS));
    assertThat(b.co2WithoutPvKg()).isCloseTo(17.0 / 24 * 0.110, within(EPS));
    assertThat(b.co2WithoutBatteryKg()).isCloseTo(0.055, within(EPS));
    SlotFinance kitchen = rows.get("home/kitchen").figures();
    assertThat(kitchen.consumptionKwh()).isCloseTo(2.0 / 12 + 4.0 / 6, within(EPS));
    assertThat(kitchen.netCostEur()).isCloseTo((2.0 / 12 + 4.0 / 6) * 0.31, within(EPS));
    SlotFinance roof = rows.get("home/roof").figures();
    assertThat(roof.exportKwh()).isCloseTo(3.0 / 12 + 1.0 / 6, within(EPS));
    assertThat(roof.netCostEur()).isCloseTo(-(3.0 / 12 + 1.0 / 6) * 0.04, within(EPS));
  }

  @Test
  void shouldResettleWhenATradeArrivesAfterTheSlotClosed() throws Exception {
    harness = harness(null);
    meterAndBattery(SLOT, SLOT_END.plusSeconds(1));
    watermark(SLOT_END.plusSeconds(30));
    assertThat(settlements()).isEmpty(); // no trade yet: only finance rows
    assertThat(rows(SLOT).get("home/").figures().p2pSavingsEur()).isZero();

    trade(TRADE);

    List<Settlement> late = settlements();
    assertThat(late).extracting(Settlement::building).containsExactlyInAnyOrder(HOME, OFFICE);
    Settlement home = late.stream().filter(s -> s.building().equals(HOME)).findFirst().get();
    assertThat(home.savingsEur()).isCloseTo(0.032, within(EPS));
    assertThat(home.meteredNetKwh()).isCloseTo(7.0 / 24, within(EPS));
    assertThat(home.settledAt()).isEqualTo(SLOT_END.plusSeconds(30));
    assertThat(rows(SLOT).get("home/").figures().p2pSavingsEur()).isCloseTo(0.032, within(EPS));

    trade(TRADE); // the same trade again changes nothing
    assertThat(settlements()).hasSize(2);
  }

  @Test
  void shouldCountDrBenefitIncrementsInTheirSlots() throws Exception {
    harness = harness(null);
    meterAndBattery(SLOT, SLOT_END.plusSeconds(60));
    input(dr(0.05, SLOT.plusSeconds(420)));
    input(dr(0.08, SLOT_END.plusSeconds(30)));
    input(dr(0.08, SLOT_END.plusSeconds(30))); // repeated report
    watermark(SLOT_END.plusSeconds(900));
    assertThat(rows(SLOT).get("home/").figures().drSavingsEur()).isCloseTo(0.05, within(EPS));
    assertThat(rows(SLOT_END).get("home/").figures().drSavingsEur()).isCloseTo(0.03, within(EPS));
  }

  private static SettlementInput dr(double benefit, Instant at) {
    return SettlementInput.dr(
            new DrExecution(
                "evt-1",
                HOME,
                DrEventStatus.ACTIVE,
                at,
                2.0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                benefit,
                List.of(),
                null))
        .orElseThrow();
  }

  @Test
  void shouldGiveTheSameFiguresAfterRestoringFromASnapshot() throws Exception {
    harness = harness(null);
    trade(TRADE);
    meterAndBattery(SLOT, SWITCH.plusSeconds(60));
    watermark(SWITCH.plusSeconds(30)); // half integrated, half still buffered
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = harness(snapshot);
    meterAndBattery(SWITCH.plusSeconds(60), SLOT_END.plusSeconds(1));
    watermark(SLOT_END);
    Settlement home =
        settlements().stream().filter(s -> s.building().equals(HOME)).findFirst().orElseThrow();
    assertThat(home.meteredNetKwh()).isCloseTo(7.0 / 24, within(EPS));
    assertThat(home.savingsEur()).isCloseTo(0.032, within(EPS));
    assertThat(rows(SLOT).get("home/").figures().co2WithoutPvKg())
        .isCloseTo(17.0 / 24 * 0.110, within(EPS));
  }

  @Test
  void shouldClearEveryStateAndTimerAfterTheCorrectionWindow() throws Exception {
    harness = harness(null);
    trade(TRADE);
    meterAndBattery(SLOT, SLOT_END.plusSeconds(1));
    input(dr(0.05, SLOT.plusSeconds(420)));
    watermark(SLOT_END);
    assertThat(keyedStateEntries()).isPositive();

    watermark(SLOT_END.plus(CONFIG.correctionWindow()).plusSeconds(900));
    assertThat(keyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void shouldCountButNotSettleATradeOlderThanTheCorrectionWindow() throws Exception {
    harness = harness(null);
    meterAndBattery(SLOT, SLOT_END.plusSeconds(1));
    watermark(SLOT_END.plus(CONFIG.correctionWindow()).plusSeconds(900));
    int before = harness.extractOutputValues().size();
    trade(TRADE);
    assertThat(harness.extractOutputValues()).hasSize(before);
    assertThat(keyedStateEntries()).isZero();
  }

  @Test
  void shouldUseALateSampleOnlyGoingForward() throws Exception {
    harness = harness(null);
    meterAndBattery(SLOT, SLOT_END.plusSeconds(1));
    watermark(SLOT_END.minusSeconds(30));
    // A reading from before the integration point: not integrated backwards.
    SensorReading late =
        SettlementTestData.power(
            "load", "kitchen", io.voltstream.model.SensorType.POWER, 9000, SLOT.plusSeconds(10));
    input(SettlementInput.meter(new RoomReading("kitchen", HOME, late)).orElseThrow());
    watermark(SLOT_END);
    assertThat(rows(SLOT).get("home/").figures().importKwh()).isCloseTo(1.0 / 3, within(EPS));
  }
}
