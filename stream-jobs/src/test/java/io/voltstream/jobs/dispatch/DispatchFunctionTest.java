package io.voltstream.jobs.dispatch;

import static io.voltstream.jobs.dispatch.logic.DispatchTestData.BIG;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SELF_CONSUMPTION;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SMALL;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.T0;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.peakShaving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.dispatch.DemandResponseOverride;
import io.voltstream.energy.dispatch.DispatchSettings;
import io.voltstream.jobs.dispatch.logic.BatteryDecision;
import io.voltstream.jobs.dispatch.logic.BuildingDispatcher;
import io.voltstream.jobs.dispatch.logic.DispatchTestData;
import io.voltstream.jobs.dispatch.logic.Replanner;
import io.voltstream.jobs.io.RegistryChange;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.DeviceInstruction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatchFunctionTest {
  private static final long STEP = 10_000;
  private KeyedBroadcastOperatorTestHarness<String, DispatchInput, RegistryChange, BatteryDecision>
      harness;

  static KeyedBroadcastOperatorTestHarness<String, DispatchInput, RegistryChange, BatteryDecision>
      harness(OperatorSubtaskState restoreFrom) throws Exception {
    var h =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new DispatchFunction(DispatchJobConfig.defaults()),
                List.of(DispatchFunction.REGISTRY)),
            DispatchInput::building,
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

  private void registry(DispatchSettings settings) throws Exception {
    registry(harness, settings);
  }

  /** Building {@code demo} with {@code settings} and its batteries BIG and SMALL. */
  static void registry(
      KeyedBroadcastOperatorTestHarness<String, DispatchInput, RegistryChange, BatteryDecision>
          harness,
      DispatchSettings settings)
      throws Exception {
    harness.processBroadcastElement(
        new RegistryChange(
            RegistryKey.building("demo"),
            Json.MAPPER.writeValueAsString(
                new Building("demo", "Demo", null, null, null, null, settings))),
        0);
    for (BatterySpec b : List.of(BIG, SMALL)) {
      harness.processBroadcastElement(
          new RegistryChange(RegistryKey.battery(b.id()), Json.MAPPER.writeValueAsString(b)), 0);
    }
  }

  private void power(String sensor, double w, boolean pv, Instant at) throws Exception {
    harness.processElement(
        new StreamRecord<>(
            new DispatchInput(
                DispatchInput.Kind.POWER, "demo", sensor, at, w, Double.NaN, pv, 0, null, null),
            at.toEpochMilli()));
  }

  private void battery(String id, double soc, double chargingW, Instant at) throws Exception {
    harness.processElement(
        new StreamRecord<>(
            new DispatchInput(
                DispatchInput.Kind.BATTERY,
                "demo",
                id,
                at,
                chargingW,
                Double.NaN,
                false,
                soc,
                null,
                null),
            at.toEpochMilli()));
  }

  private void steady(double loadW, double pvW, double soc) throws Exception {
    power("meter", loadW, false, T0);
    power("roof", pvW, true, T0);
    battery(BIG.id(), soc, 0, T0);
    battery(SMALL.id(), soc, 0, T0);
  }

  /** Keys holding any of the operator's keyed states. */
  private long keyedStateEntries() throws Exception {
    var backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    long n = 0;
    for (var d :
        List.of(
            DispatchFunction.SENSORS,
            DispatchFunction.BATTERIES,
            DispatchFunction.OVERRIDES,
            DispatchFunction.DR_HOLDS,
            DispatchFunction.FORECASTS,
            DispatchFunction.MARKET_LEGS)) {
      n += backend.getKeys(d.getName(), VoidNamespace.INSTANCE).count();
    }
    for (var d :
        List.of(DispatchFunction.PEAK, DispatchFunction.PLAN, DispatchFunction.NEXT_DECISION)) {
      n += backend.getKeys(d.getName(), VoidNamespace.INSTANCE).count();
    }
    return n;
  }

  private List<BatteryDecision> decisions() {
    return harness.extractOutputValues();
  }

  @Test
  void shouldChargeFromPvSurplusAtTheNextTenSecondBoundary() throws Exception {
    harness = harness(null);
    registry(SELF_CONSUMPTION);
    steady(1000, 4000, 50);

    harness.watermark(T0.toEpochMilli() + STEP - 1);
    assertThat(decisions()).isEmpty();
    harness.watermark(T0.toEpochMilli() + STEP);

    assertThat(decisions())
        .hasSize(2)
        .allSatisfy(
            d -> {
              assertThat(d.at()).isEqualTo(T0.plusSeconds(10));
              assertThat(d.netLoadW()).isEqualTo(-3000);
              assertThat(d.command().battery().mode()).isEqualTo(BatteryMode.CHARGE);
            });
    assertThat(decisions().stream().mapToDouble(BatteryDecision::setpointW).sum())
        .isCloseTo(3000, within(1e-6));
  }

  @Test
  void shouldDischargeAboveThePeakThresholdEveryInterval() throws Exception {
    harness = harness(null);
    registry(peakShaving(2.0));
    steady(5000, 0, 60);

    harness.watermark(T0.toEpochMilli() + 3 * STEP);

    assertThat(decisions())
        .hasSize(6)
        .allSatisfy(
            d -> {
              assertThat(d.strategy()).isEqualTo("peak_shaving");
              assertThat(d.command().battery().mode()).isEqualTo(BatteryMode.DISCHARGE);
            });
    assertThat(decisions().stream().map(BatteryDecision::at).distinct())
        .containsExactly(T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(30));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
  }

  @Test
  void shouldRespectAManualCommandUntilItExpires() throws Exception {
    harness = harness(null);
    registry(SELF_CONSUMPTION);
    steady(1000, 4000, 50);
    harness.processElement(
        new StreamRecord<>(
            new DispatchInput(
                DispatchInput.Kind.MANUAL,
                "demo",
                BIG.id(),
                T0,
                0,
                Double.NaN,
                false,
                0,
                T0.plusSeconds(15),
                null),
            T0.toEpochMilli()));

    harness.watermark(T0.toEpochMilli() + STEP);
    assertThat(decisions())
        .filteredOn(d -> d.batteryId().equals(BIG.id()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.strategy()).isEqualTo(BuildingDispatcher.MANUAL_OVERRIDE);
              assertThat(d.command()).isNull();
            });
    harness.getOutput().clear();

    harness.watermark(T0.toEpochMilli() + 2 * STEP);
    assertThat(decisions())
        .filteredOn(d -> d.batteryId().equals(BIG.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.command().battery().mode()).isEqualTo(BatteryMode.CHARGE));
  }

  private void command(Command c) throws Exception {
    harness.processElement(
        new StreamRecord<>(DispatchInput.manual(c).orElseThrow(), c.issuedAt().toEpochMilli()));
  }

  private static Command drCommand(String id, BatterySetpoint setpoint, Instant at, int validS) {
    return Command.battery(
        id,
        BIG.id(),
        "demo",
        setpoint,
        at,
        Duration.ofSeconds(validS),
        CommandSource.DR,
        "event-1");
  }

  @Test
  void shouldStandBackForADrCommandWhileItIsValidAndRecordDemandResponse() throws Exception {
    harness = harness(null);
    registry(SELF_CONSUMPTION);
    steady(1000, 4000, 50);
    command(drCommand("dr-1", BatterySetpoint.ofSignedPowerW(-2000), T0, 15));

    harness.watermark(T0.toEpochMilli() + STEP);
    assertThat(decisions())
        .filteredOn(d -> d.batteryId().equals(BIG.id()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.strategy()).isEqualTo(DemandResponseOverride.NAME);
              assertThat(d.reason()).contains("demand-response command");
              assertThat(d.command()).isNull();
            });
    // The small battery is still dispatched, working around the DR battery's discharge.
    assertThat(decisions())
        .filteredOn(d -> d.batteryId().equals(SMALL.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.command()).isNotNull());
    harness.getOutput().clear();

    harness.watermark(T0.toEpochMilli() + 2 * STEP);
    assertThat(decisions())
        .filteredOn(d -> d.batteryId().equals(BIG.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.command().source()).isEqualTo(CommandSource.DISPATCH));
  }

  @Test
  void shouldTakeADrBatteryBackAtOnceWhenTheDrJobReleasesIt() throws Exception {
    harness = harness(null);
    registry(SELF_CONSUMPTION);
    steady(1000, 4000, 50);
    command(drCommand("dr-1", BatterySetpoint.ofSignedPowerW(-2000), T0, 60));
    command(drCommand("dr-2", new BatterySetpoint(BatteryMode.AUTO, 0), T0.plusSeconds(1), 5));

    harness.watermark(T0.toEpochMilli() + STEP);

    assertThat(decisions())
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.command().source()).isEqualTo(CommandSource.DISPATCH));
  }

  @Test
  void shouldStandBackForManualRuleAndDrBatteryCommandsOnly() {
    Command device =
        Command.device(
            "dr-d",
            "hvac",
            "demo",
            new DeviceInstruction(DeviceInstruction.Action.OFF, null),
            T0,
            Duration.ofSeconds(30),
            CommandSource.DR,
            "event-1");
    assertThat(DispatchInput.manual(device)).isEmpty();
    Command dispatch =
        Command.battery(
            "d-1",
            BIG.id(),
            "demo",
            BatterySetpoint.ofSignedPowerW(100),
            T0,
            Duration.ofSeconds(30),
            CommandSource.DISPATCH,
            "dispatch");
    assertThat(DispatchInput.manual(dispatch)).isEmpty();
    Command rule =
        Command.battery(
            "rule-peak-1",
            BIG.id(),
            "demo",
            BatterySetpoint.ofSignedPowerW(-2000),
            T0,
            Duration.ofMinutes(5),
            CommandSource.RULE,
            "peak-rule");
    DispatchInput byRule = DispatchInput.manual(rule).orElseThrow();
    assertThat(byRule.kind()).isEqualTo(DispatchInput.Kind.MANUAL);
    assertThat(byRule.validUntil()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(
            DispatchInput.manual(drCommand("dr-1", BatterySetpoint.ofSignedPowerW(-1), T0, 30))
                .orElseThrow()
                .kind())
        .isEqualTo(DispatchInput.Kind.DR);
  }

  @Test
  void shouldKeepTheReserve() throws Exception {
    harness = harness(null);
    registry(SELF_CONSUMPTION);
    steady(4000, 0, 10);

    harness.watermark(T0.toEpochMilli() + STEP);

    assertThat(decisions())
        .hasSize(2)
        .allSatisfy(
            d -> assertThat(d.command().battery().mode()).isNotEqualTo(BatteryMode.DISCHARGE));
  }

  @Test
  void shouldFollowThePlanWhenForecastsExistAndSaySoWhenNot() throws Exception {
    harness = harness(null);
    registry(DispatchSettings.defaults());
    steady(1000, 0, 50);
    harness.watermark(T0.toEpochMilli() + STEP);
    assertThat(decisions())
        .allSatisfy(
            d -> {
              assertThat(d.reason()).contains(Replanner.NO_FORECAST);
              assertThat(d.planW()).isNull();
            });
    harness.getOutput().clear();

    double[] kwh = new double[24];
    java.util.Arrays.fill(kwh, 1.0);
    harness.processElement(
        new StreamRecord<>(
            DispatchInput.forecast(DispatchTestData.forecastJson("demo", "consumption", T0, kwh))
                .orElseThrow(),
            T0.toEpochMilli()));
    harness.watermark(T0.toEpochMilli() + 2 * STEP);

    assertThat(decisions())
        .hasSize(2)
        .allSatisfy(
            d -> {
              assertThat(d.planW()).isNotNull();
              assertThat(d.reason()).doesNotContain(Replanner.NO_FORECAST);
            });
  }

  @Test
  void shouldMakeTheSameDecisionsAfterASnapshotAndRestore() throws Exception {
    harness = harness(null);
    registry(peakShaving(2.0));
    steady(5000, 500, 70);
    harness.processElement(
        new StreamRecord<>(
            new DispatchInput(
                DispatchInput.Kind.MANUAL,
                "demo",
                SMALL.id(),
                T0,
                0,
                Double.NaN,
                false,
                0,
                T0.plusSeconds(25),
                null),
            T0.toEpochMilli()));
    harness.watermark(T0.toEpochMilli() + STEP);
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);

    harness.watermark(T0.toEpochMilli() + 4 * STEP);
    List<BatteryDecision> original = decisions().subList(2, decisions().size());
    harness.close();

    harness = harness(snapshot);
    harness.watermark(T0.toEpochMilli() + 4 * STEP);

    assertThat(decisions()).isNotEmpty().containsExactlyElementsOf(original);
    assertThat(decisions())
        .filteredOn(d -> d.at().equals(T0.plusSeconds(20)) && d.batteryId().equals(SMALL.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.strategy()).isEqualTo(BuildingDispatcher.MANUAL_OVERRIDE));
  }

  @Test
  void shouldForgetABatteryThatLeavesTheRegistry() throws Exception {
    harness = harness(null);
    registry(SELF_CONSUMPTION);
    steady(1000, 4000, 50);

    harness.processBroadcastElement(new RegistryChange(RegistryKey.battery(SMALL.id()), null), 1);
    harness.watermark(T0.toEpochMilli() + STEP);

    assertThat(decisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.batteryId()).isEqualTo(BIG.id());
              assertThat(d.setpointW()).isCloseTo(3000, within(1e-6));
            });
  }

  @Test
  void shouldClearTheBuildingsStateAndStopItsTimersWhenNothingFreshIsLeft() throws Exception {
    harness = harness(null);
    registry(SELF_CONSUMPTION);
    steady(1000, 4000, 50);
    assertThat(keyedStateEntries()).isPositive();

    Duration stale = DispatchJobConfig.defaults().staleAfter();
    harness.watermark(T0.plus(stale).toEpochMilli() + 2 * STEP);

    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(keyedStateEntries()).isZero();
  }

  @Test
  void shouldClearTheStateOfABuildingThatLeavesTheRegistry() throws Exception {
    harness = harness(null);
    registry(SELF_CONSUMPTION);
    steady(1000, 4000, 50);

    harness.processBroadcastElement(new RegistryChange(RegistryKey.building("demo"), null), 1);
    for (BatterySpec b : List.of(BIG, SMALL)) {
      harness.processBroadcastElement(new RegistryChange(RegistryKey.battery(b.id()), null), 1);
    }
    harness.watermark(T0.toEpochMilli() + STEP);

    assertThat(decisions()).isEmpty();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(keyedStateEntries()).isZero();
  }
}
