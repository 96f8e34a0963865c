package io.voltstream.energy.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.BatterySpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The balance rule with a 10 kWh / 5 kW battery, 81 % round trip (√ = 0.9 each way), SoC 5–95 %,
 * reserve 10 %: over a 15-minute slot at most 1.25 kWh in or out.
 */
class AgentSlotBalanceTest {
  private static final double EPS = 1e-9;
  static final BatterySpec BATTERY =
      new BatterySpec("bat", "home", 10, 5000, 5000, 0.81, 5, 95, 10);

  static Optional<BatteryEnergy> at(double socPercent) {
    return BatteryEnergy.of(List.of(BATTERY), Map.of("bat", socPercent), 90);
  }

  @Test
  void shouldTradeTheNetLoadAsItIsWithoutABattery() {
    assertThat(SlotBalance.of(0.8, Optional.empty()).tradeKwh()).isEqualTo(0.8);
    assertThat(SlotBalance.of(-0.6, Optional.empty()).tradeKwh()).isEqualTo(-0.6);
  }

  @Test
  void shouldCoverADeficitFromTheBatteryWithinItsDischargeLimitAndBuyTheRest() {
    // SoC 50 %: 4 kWh above the reserve × 0.9 = 3.6 kWh AC, but 5 kW × 0.25 h = 1.25 kWh.
    SlotBalance b = SlotBalance.of(2.0, at(50));
    assertThat(b.batteryDischargeKwh()).isCloseTo(1.25, within(EPS));
    assertThat(b.tradeKwh()).isCloseTo(0.75, within(EPS));
    assertThat(b.storedSaleKwh()).isZero();
    // 1.25 kWh AC out of the cells: 1.25 / 0.9 = 1.3889 kWh.
    assertThat(b.batteryAfter().orElseThrow().storedKwh()).isCloseTo(5 - 1.25 / 0.9, within(EPS));
  }

  @Test
  void shouldNotDischargeBelowTheReserve() {
    // SoC 12 %: 0.2 kWh above the reserve → 0.18 kWh AC.
    SlotBalance b = SlotBalance.of(1.0, at(12));
    assertThat(b.batteryDischargeKwh()).isCloseTo(0.18, within(EPS));
    assertThat(b.tradeKwh()).isCloseTo(0.82, within(EPS));
    assertThat(SlotBalance.of(1.0, at(10)).tradeKwh()).isCloseTo(1.0, within(EPS));
  }

  @Test
  void shouldOfferStoredEnergyOnlyAboveTheSellThresholdAndWithinTheDischargeLimitLeft() {
    // SoC 50 %: below 90 %, nothing stored is offered; the small deficit is covered.
    SlotBalance half = SlotBalance.of(0.2, at(50));
    assertThat(half.storedSaleKwh()).isZero();
    assertThat(half.tradeKwh()).isCloseTo(0, within(EPS));

    // SoC 95 %: cells 9.5 kWh; after covering 0.2 kWh AC: 9.5 − 0.2/0.9; above 9.0 kWh × 0.9.
    SlotBalance full = SlotBalance.of(0.2, at(95));
    double expected = (9.5 - 0.2 / 0.9 - 9.0) * 0.9;
    assertThat(full.storedSaleKwh()).isCloseTo(expected, within(EPS));
    assertThat(full.tradeKwh()).isCloseTo(-expected, within(EPS));

    // A bigger battery at 95 %: 2 kWh above the threshold, but 1.25 − 0.2 kWh of power left.
    BatterySpec big = new BatterySpec("big", "home", 40, 5000, 5000, 0.81, 5, 95, 10);
    SlotBalance capped =
        SlotBalance.of(0.2, BatteryEnergy.of(List.of(big), Map.of("big", 95.0), 90));
    assertThat(capped.storedSaleKwh()).isCloseTo(1.05, within(EPS));
    assertThat(capped.tradeKwh()).isCloseTo(-1.05, within(EPS));
  }

  @Test
  void shouldChargeFromASurplusFirstAndOfferTheRest() {
    SlotBalance b = SlotBalance.of(-3.0, at(50));
    assertThat(b.batteryChargeKwh()).isCloseTo(1.25, within(EPS));
    assertThat(b.tradeKwh()).isCloseTo(-1.75, within(EPS));
    assertThat(b.storedSaleKwh()).isZero();
    assertThat(b.batteryAfter().orElseThrow().storedKwh()).isCloseTo(5 + 1.25 * 0.9, within(EPS));

    // Full: nothing more fits, the whole surplus is offered (and nothing stored on top).
    SlotBalance full = SlotBalance.of(-3.0, at(95));
    assertThat(full.batteryChargeKwh()).isCloseTo(0, within(EPS));
    assertThat(full.tradeKwh()).isCloseTo(-3.0, within(EPS));
  }

  @Test
  void shouldPoolSeveralBatteriesAndIgnoreThoseWithoutAState() {
    BatterySpec second = new BatterySpec("b2", "home", 5, 2500, 2500, 0.81, 5, 95, 10);
    Optional<BatteryEnergy> pool =
        BatteryEnergy.of(List.of(BATTERY, second), Map.of("bat", 50.0, "b2", 50.0), 90);
    assertThat(pool.orElseThrow().maxDischargeKw()).isEqualTo(7.5);
    assertThat(pool.orElseThrow().storedKwh()).isCloseTo(7.5, within(EPS));
    assertThat(SlotBalance.of(3.0, pool).batteryDischargeKwh()).isCloseTo(1.875, within(EPS));

    Optional<BatteryEnergy> known =
        BatteryEnergy.of(List.of(BATTERY, second), Map.of("b2", 50.0), 90);
    assertThat(known.orElseThrow().maxDischargeKw()).isEqualTo(2.5);
    assertThat(BatteryEnergy.of(List.of(BATTERY), Map.of(), 90)).isEmpty();
  }
}
