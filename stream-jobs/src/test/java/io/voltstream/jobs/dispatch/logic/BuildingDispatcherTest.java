package io.voltstream.jobs.dispatch.logic;

import static io.voltstream.jobs.dispatch.logic.DispatchTestData.BIG;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SELF_CONSUMPTION;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SMALL;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.T0;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.VALIDITY;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.at;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.inputs;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.peakShaving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.CommandSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildingDispatcherTest {

  @Test
  void shouldChargeFromPvSurplusSplitByHeadroomInTheChargingConvention() {
    List<BatteryDecision> out =
        BuildingDispatcher.decide(
            inputs(
                SELF_CONSUMPTION, -3000, Map.of(BIG.id(), at(50), SMALL.id(), at(50)), Set.of()));

    assertThat(out).hasSize(2);
    assertThat(out)
        .allSatisfy(
            d -> {
              assertThat(d.setpointW()).isPositive();
              assertThat(d.command().battery().mode()).isEqualTo(BatteryMode.CHARGE);
              assertThat(d.command().battery().signedPowerW()).isEqualTo(d.setpointW());
              assertThat(d.command().source()).isEqualTo(CommandSource.DISPATCH);
              assertThat(d.command().validUntil()).isEqualTo(T0.plus(VALIDITY));
              assertThat(d.strategy()).isEqualTo("self_consumption");
              assertThat(d.minW()).isLessThanOrEqualTo(d.setpointW());
              assertThat(d.maxW()).isGreaterThanOrEqualTo(d.setpointW());
            });
    assertThat(out.get(0).setpointW() + out.get(1).setpointW()).isCloseTo(3000, within(1e-6));
    // 5 kW and 2.5 kW of charge headroom: two thirds and one third.
    assertThat(out.get(0).setpointW()).isCloseTo(2000, within(1e-6));
  }

  @Test
  void shouldDischargeTheExcessAboveThePeakThreshold() {
    List<BatteryDecision> out =
        BuildingDispatcher.decide(
            inputs(peakShaving(2.0), 5000, Map.of(BIG.id(), at(60), SMALL.id(), at(60)), Set.of()));

    assertThat(out)
        .allSatisfy(
            d -> {
              assertThat(d.command().battery().mode()).isEqualTo(BatteryMode.DISCHARGE);
              assertThat(d.strategy()).isEqualTo("peak_shaving");
            });
    assertThat(out.stream().mapToDouble(BatteryDecision::setpointW).sum())
        .isCloseTo(-3000, within(1e-6));
  }

  @Test
  void shouldLeaveAManuallyOverriddenBatteryAloneAndCountItsPowerAsLoad() {
    var latest = Map.of(BIG.id(), new BatteryReading(50, 2000, T0), SMALL.id(), at(50));

    List<BatteryDecision> out =
        BuildingDispatcher.decide(inputs(SELF_CONSUMPTION, -1000, latest, Set.of(BIG.id())));

    BatteryDecision big =
        out.stream().filter(d -> d.batteryId().equals(BIG.id())).findFirst().orElseThrow();
    assertThat(big.command()).isNull();
    assertThat(big.strategy()).isEqualTo(BuildingDispatcher.MANUAL_OVERRIDE);
    assertThat(big.setpointW()).isEqualTo(2000);
    BatteryDecision small =
        out.stream().filter(d -> d.batteryId().equals(SMALL.id())).findFirst().orElseThrow();
    // 1 kW surplus, but the big battery charges 2 kW manually: the building imports 1 kW, so the
    // small battery covers it by discharging.
    assertThat(small.setpointW()).isCloseTo(-1000, within(1e-6));
    assertThat(small.command().battery().mode()).isEqualTo(BatteryMode.DISCHARGE);
  }

  @Test
  void shouldNotDischargeBelowTheReserve() {
    List<BatteryDecision> out =
        BuildingDispatcher.decide(
            inputs(SELF_CONSUMPTION, 4000, Map.of(BIG.id(), at(10), SMALL.id(), at(10)), Set.of()));

    assertThat(out)
        .allSatisfy(
            d -> {
              assertThat(d.setpointW()).isGreaterThanOrEqualTo(0.0);
              assertThat(d.command().battery().mode()).isNotEqualTo(BatteryMode.DISCHARGE);
            });
  }

  @Test
  void shouldLeaveOutBatteriesWithoutTelemetryAndGiveDeterministicCommandIds() {
    List<BatteryDecision> out =
        BuildingDispatcher.decide(
            inputs(SELF_CONSUMPTION, -1000, Map.of(SMALL.id(), at(50)), Set.of()));

    assertThat(out)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.batteryId()).isEqualTo(SMALL.id());
              assertThat(d.commandId())
                  .isEqualTo(BuildingDispatcher.commandId("demo", SMALL.id(), T0))
                  .isEqualTo("dispatch-demo-demo-battery-2-" + T0.toEpochMilli());
              assertThat(d.command().target()).isEqualTo(SMALL.id());
              assertThat(d.command().building()).isEqualTo("demo");
            });
  }

  @Test
  void shouldIdleWithAnEmptyStack() {
    var idle = new io.voltstream.energy.dispatch.DispatchSettings(List.of(), null, null);

    List<BatteryDecision> out =
        BuildingDispatcher.decide(
            inputs(idle, 3000, Map.of(BIG.id(), at(50), SMALL.id(), at(50)), Set.of()));

    assertThat(out)
        .allSatisfy(
            d -> {
              assertThat(d.setpointW()).isZero();
              assertThat(d.command().battery().mode()).isEqualTo(BatteryMode.IDLE);
            });
  }
}
