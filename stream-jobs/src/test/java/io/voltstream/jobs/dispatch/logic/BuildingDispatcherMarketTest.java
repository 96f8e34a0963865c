package io.voltstream.jobs.dispatch.logic;

import static io.voltstream.jobs.dispatch.logic.DispatchTestData.BIG;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SELF_CONSUMPTION;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SMALL;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.T0;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.at;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.inputs;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.peakShaving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.dispatch.DispatchSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dispatch follows the building's market position in the current slot. */
class BuildingDispatcherMarketTest {
  private static final Map<String, BatteryReading> HALF_FULL =
      Map.of(BIG.id(), at(50), SMALL.id(), at(50));

  private static double totalChargingW(List<BatteryDecision> out) {
    return out.stream().mapToDouble(BatteryDecision::setpointW).sum();
  }

  @Test
  void aSellerDischargesFourKilowattsMoreThanItsNetLoadForOneKwhSold() {
    List<BatteryDecision> out =
        BuildingDispatcher.decide(
            inputs(SELF_CONSUMPTION, 1000, HALF_FULL, Set.of()).withMarketPositionKwh(-1));

    // + charging: discharging 1 kW of load + 4 kW of sale (1 kWh over the 15-minute slot).
    assertThat(totalChargingW(out)).isCloseTo(-5000, within(1e-6));
    assertThat(out)
        .allSatisfy(
            d -> {
              assertThat(d.strategy()).isEqualTo("self_consumption");
              assertThat(d.reason()).contains("delivering 1.00 kWh sold in the market");
            });
  }

  @Test
  void aBuyerDoesNotCoverTheBoughtPartWithItsBattery() {
    List<BatteryDecision> out =
        BuildingDispatcher.decide(
            inputs(SELF_CONSUMPTION, 5000, HALF_FULL, Set.of()).withMarketPositionKwh(1));

    assertThat(totalChargingW(out)).isCloseTo(-1000, within(1e-6));
    assertThat(out).allSatisfy(d -> assertThat(d.reason()).contains("bought in the market"));
  }

  @ParameterizedTest(name = "net {0} W")
  @CsvSource({"-3000", "0", "1200", "9000"})
  void withoutTradesTheDecisionsAreUnchanged(double netLoadW) {
    for (DispatchSettings settings : List.of(SELF_CONSUMPTION, peakShaving(2.0))) {
      BuildingDispatcher.Inputs before = inputs(settings, netLoadW, HALF_FULL, Set.of());
      assertThat(BuildingDispatcher.decide(before.withMarketPositionKwh(0)))
          .isEqualTo(BuildingDispatcher.decide(before));
    }
  }

  @Test
  void aManualBatteryStaysAloneWhileTheOthersDeliverTheSale() {
    List<BatteryDecision> out =
        BuildingDispatcher.decide(
            inputs(SELF_CONSUMPTION, 0, HALF_FULL, Set.of(SMALL.id())).withMarketPositionKwh(-0.5));

    assertThat(out)
        .filteredOn(d -> d.batteryId().equals(SMALL.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.strategy()).isEqualTo(BuildingDispatcher.MANUAL_OVERRIDE));
    assertThat(out)
        .filteredOn(d -> d.batteryId().equals(BIG.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.setpointW()).isCloseTo(-2000, within(1e-6)));
  }

  @Test
  void onlyTheLegsOfTheCurrentSlotCount() {
    List<MarketLeg> legs =
        List.of(
            new MarketLeg(T0, -1),
            new MarketLeg(T0, 0.25),
            new MarketLeg(T0.plus(io.voltstream.energy.market.MarketSpec.SLOT), -2));
    assertThat(MarketLeg.positionKwh(legs, T0.plusSeconds(899))).isCloseTo(-0.75, within(1e-9));
    assertThat(MarketLeg.positionKwh(legs, T0.plusSeconds(900))).isCloseTo(-2, within(1e-9));
    assertThat(new MarketLeg(T0, 1).endedBy(T0.plusSeconds(899))).isFalse();
    assertThat(new MarketLeg(T0, 1).endedBy(T0.plusSeconds(900))).isTrue();
  }
}
