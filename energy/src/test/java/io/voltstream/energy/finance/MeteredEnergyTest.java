package io.voltstream.energy.finance;

import static io.voltstream.energy.finance.FinanceTestData.SLOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeteredEnergyTest {
  private static final double EPS = 1e-9;

  /**
   * 5 min of 2 kW load, 3 kW PV, battery charging 0.5 kW (export 0.5 kW), then 10 min of 4 kW load,
   * 1 kW PV, battery discharging 1 kW (import 2 kW).
   */
  static MeteredEnergy mixedSlot() {
    return MeteredEnergy.NONE
        .plus(new PowerSnapshot(2000, 3000, 500, true), Duration.ofMinutes(5))
        .plus(new PowerSnapshot(4000, 1000, -1000, true), Duration.ofMinutes(10));
  }

  @Test
  void shouldSeparateImportAndExportPerSampleInterval() {
    MeteredEnergy e = mixedSlot();
    assertThat(e.consumptionKwh()).isCloseTo(2.0 / 12 + 4.0 / 6, within(EPS)); // 0.8333
    assertThat(e.generationKwh()).isCloseTo(3.0 / 12 + 1.0 / 6, within(EPS)); // 0.4167
    assertThat(e.exportKwh()).isCloseTo(0.5 / 12, within(EPS)); // first 5 min
    assertThat(e.importKwh()).isCloseTo(2.0 / 6, within(EPS)); // last 10 min
    assertThat(e.netKwh()).isCloseTo(2.0 / 6 - 0.5 / 12, within(EPS));
    assertThat(e.batteryChargeKwh()).isCloseTo(0.5 / 12, within(EPS));
    assertThat(e.batteryDischargeKwh()).isCloseTo(1.0 / 6, within(EPS));
    // No battery: −1 kW then +3 kW.
    assertThat(e.exportWithoutBatteryKwh()).isCloseTo(1.0 / 12, within(EPS));
    assertThat(e.importWithoutBatteryKwh()).isCloseTo(3.0 / 6, within(EPS));
    // No PV: 2 + 0.5 kW, then 4 − 1 kW.
    assertThat(e.importWithoutPvKwh()).isCloseTo(2.5 / 12 + 3.0 / 6, within(EPS));
    assertThat(e.selfConsumedKwh()).isCloseTo(3.0 / 12 + 1.0 / 6 - 0.5 / 12, within(EPS));
    assertThat(e.meteredShare(SLOT)).isEqualTo(1.0);
  }

  @Test
  void shouldNotCountUnmeteredTimeInTheMeteredShare() {
    MeteredEnergy e =
        MeteredEnergy.NONE
            .plus(new PowerSnapshot(1000, 0, 0, true), Duration.ofMinutes(6))
            .plus(PowerSnapshot.UNKNOWN, Duration.ofMinutes(9));
    assertThat(e.meteredShare(SLOT)).isCloseTo(0.4, within(EPS));
    assertThat(e.importKwh()).isCloseTo(0.1, within(EPS));
  }

  @Test
  void shouldAddTwoPartialIntegrations() {
    MeteredEnergy a =
        MeteredEnergy.NONE.plus(new PowerSnapshot(2000, 3000, 500, true), Duration.ofMinutes(5));
    MeteredEnergy b =
        MeteredEnergy.NONE.plus(new PowerSnapshot(4000, 1000, -1000, true), Duration.ofMinutes(10));
    assertThat(a.plus(b)).isEqualTo(mixedSlot());
  }

  @Test
  void shouldClampSelfConsumptionWhenTheBatteryExportsMoreThanThePvMade() {
    MeteredEnergy e =
        MeteredEnergy.NONE.plus(new PowerSnapshot(0, 1000, -3000, true), Duration.ofMinutes(15));
    assertThat(e.exportKwh()).isCloseTo(1.0, within(EPS));
    assertThat(e.selfConsumedKwh()).isZero();
  }
}
