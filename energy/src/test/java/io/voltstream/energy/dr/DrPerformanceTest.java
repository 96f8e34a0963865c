package io.voltstream.energy.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrPerformanceTest {
  @Test
  void shouldComputeDeliveredPowerEnergyRatioAndBenefit() {
    // baseline 5 kW, metered 3 kW → 2 kW delivered of 4 requested (0.5); 30 min → 1 kWh; × 0.5 €
    DrPerformance p = DrPerformance.of(5.0, 3.0, 4.0, Duration.ofMinutes(30), 0.5);
    assertThat(p.deliveredKw()).isEqualTo(2.0);
    assertThat(p.performanceRatio()).isEqualTo(0.5);
    assertThat(p.deliveredKwh()).isCloseTo(1.0, within(1e-12));
    assertThat(p.benefitEur()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void shouldNotChargeForDrawingMoreThanTheBaseline() {
    // metered above baseline: −1 kW over 90 min = −1.5 kWh, no benefit and no penalty
    DrPerformance p = DrPerformance.of(3.0, 4.0, 4.0, Duration.ofMinutes(90), 0.5);
    assertThat(p.deliveredKw()).isEqualTo(-1.0);
    assertThat(p.performanceRatio()).isEqualTo(-0.25);
    assertThat(p.deliveredKwh()).isCloseTo(-1.5, within(1e-12));
    assertThat(p.benefitEur()).isZero();
  }

  @Test
  void shouldRejectANonPositiveRequestOrNegativeTime() {
    assertThatThrownBy(() -> DrPerformance.of(5, 3, 0, Duration.ofMinutes(1), 0.5))
        .hasMessageContaining("requestedKw");
    assertThatThrownBy(() -> DrPerformance.of(5, 3, 2, Duration.ofMinutes(-1), 0.5))
        .hasMessageContaining("elapsed");
    assertThatThrownBy(() -> DrPerformance.of(Double.NaN, 3, 2, Duration.ofMinutes(1), 0.5))
        .hasMessageContaining("baselineKw");
  }
}
