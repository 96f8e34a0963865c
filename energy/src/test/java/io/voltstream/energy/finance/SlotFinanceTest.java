package io.voltstream.energy.finance;

import static io.voltstream.energy.finance.FinanceTestData.NOON;
import static io.voltstream.energy.finance.FinanceTestData.SLOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Building and room rows against hand-computed figures. The slot is {@link
 * MeteredEnergyTest#mixedSlot()}: import 1/3 kWh, export 1/24 kWh, no battery import 0.5 / export
 * 1/12, no PV import 17/24; prices 0.31 / 0.04 €/kWh, 110 g/kWh.
 */
class SlotFinanceTest {
  private static final double EPS = 1e-9;

  @Test
  void shouldComputeEveryFigureOfABuildingSlot() {
    // Bought 0.2 kWh at 0.15 (paid 0.03); DR earned 0.05 in the slot.
    SlotFinance f =
        SlotFinance.building(
            MeteredEnergyTest.mixedSlot(), new MarketPosition(0.2, 0, 0.03, 0), 0.05, NOON, SLOT);
    assertThat(f.importKwh()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(f.exportKwh()).isCloseTo(1.0 / 24, within(EPS));
    assertThat(f.energyCostEur()).isCloseTo(0.31 / 3, within(EPS)); // 0.10333
    assertThat(f.feedInRevenueEur()).isCloseTo(0.04 / 24, within(EPS)); // 0.00167
    assertThat(f.p2pPaidEur()).isEqualTo(0.03);
    assertThat(f.p2pReceivedEur()).isZero();
    // Settled per slot: net 7/24 kWh, position 0.2 → deviation 0.091667 at 0.31 = 0.028417.
    assertThat(f.netCostEur()).isCloseTo(0.03 + (7.0 / 24 - 0.2) * 0.31, within(EPS));
    // Grid-only 7/24 × 0.31 = 0.090417; savings 0.2 × (0.31 − 0.15) = 0.032.
    assertThat(f.p2pSavingsEur()).isCloseTo(0.032, within(EPS));
    // Without battery 0.5 × 0.31 − 1/12 × 0.04 = 0.151667; with 0.103333 − 0.001667 = 0.101667.
    assertThat(f.batterySavingsEur()).isCloseTo(0.05, within(EPS));
    assertThat(f.drSavingsEur()).isEqualTo(0.05);
    // CO2: (1/3 − 0.2) kWh from the grid × 110 g; all of 1/3 without P2P; 17/24 without PV.
    assertThat(f.co2Kg()).isCloseTo((1.0 / 3 - 0.2) * 0.110, within(EPS));
    assertThat(f.co2WithoutP2pKg()).isCloseTo(0.110 / 3, within(EPS));
    assertThat(f.co2WithoutPvKg()).isCloseTo(17.0 / 24 * 0.110, within(EPS));
    assertThat(f.co2WithoutBatteryKg()).isCloseTo(0.055, within(EPS));
    assertThat(f.selfConsumedKwh()).isCloseTo(0.375, within(EPS));
    assertThat(f.meteredShare()).isEqualTo(1.0);
  }

  @Test
  void shouldNotCreditMoreP2pEnergyThanWasImported() {
    // Bought 2 kWh but imported only 1/3 kWh: the grid supplied nothing, CO2 is 0, not negative.
    SlotFinance f =
        SlotFinance.building(
            MeteredEnergyTest.mixedSlot(), new MarketPosition(2.0, 0, 0.3, 0), 0, NOON, SLOT);
    assertThat(f.co2Kg()).isZero();
    assertThat(f.co2WithoutP2pKg()).isCloseTo(0.110 / 3, within(EPS));
  }

  @Test
  void shouldSettleANonTradingBuildingAtGridPrices() {
    SlotFinance f =
        SlotFinance.building(MeteredEnergyTest.mixedSlot(), MarketPosition.NONE, 0, NOON, SLOT);
    assertThat(f.netCostEur()).isCloseTo(7.0 / 24 * 0.31, within(EPS));
    assertThat(f.p2pSavingsEur()).isZero();
    assertThat(f.co2Kg()).isEqualTo(f.co2WithoutP2pKg());
  }

  @Test
  void shouldPriceARoomsNetEnergyPerInterval() {
    // 10 min of 1.2 kW load under 0.6 kW of PV (import 0.1 kWh), then 5 min of 0.4 kW load under
    // 1.6 kW of PV (export 0.1 kWh).
    MeteredEnergy room =
        MeteredEnergy.NONE
            .plus(new PowerSnapshot(1200, 600, 0, true), Duration.ofMinutes(10))
            .plus(new PowerSnapshot(400, 1600, 0, true), Duration.ofMinutes(5));
    SlotFinance f = SlotFinance.room(room, NOON, SLOT);
    assertThat(f.importKwh()).isCloseTo(0.1, within(EPS));
    assertThat(f.exportKwh()).isCloseTo(0.1, within(EPS));
    assertThat(f.energyCostEur()).isCloseTo(0.031, within(EPS));
    assertThat(f.feedInRevenueEur()).isCloseTo(0.004, within(EPS));
    assertThat(f.netCostEur()).isCloseTo(0.027, within(EPS));
    assertThat(f.co2Kg()).isCloseTo(0.011, within(EPS));
    assertThat(f.co2WithoutPvKg()).isCloseTo(0.2 * 0.110 + 0.4 / 12 * 0.110, within(EPS));
    assertThat(f.p2pSavingsEur()).isZero();
    assertThat(f.batterySavingsEur()).isZero();
  }
}
