package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RatesTest {

  @Test
  void shouldTurnACounterDeltaIntoAPerSecondRate() {
    assertThat(Rates.perSecond(150_000, Duration.ofSeconds(5))).isEqualTo(30_000.0);
    assertThat(Rates.perSecond(1, Duration.ofMillis(250))).isEqualTo(4.0);
  }

  @Test
  void shouldGiveZeroForAnEmptyInterval() {
    assertThat(Rates.perSecond(10, Duration.ZERO)).isZero();
  }

  @Test
  void shouldCountDataPointsAsMetricValues() {
    assertThat(Rates.dataPoints(5000, 6)).isEqualTo(30_000);
    assertThatThrownBy(() -> Rates.dataPoints(Long.MAX_VALUE, 6))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void shouldReachTargetOnlyWithinTolerance() {
    assertThat(Rates.reaches(28_500, 30_000, 0.95)).isTrue();
    assertThat(Rates.reaches(28_499, 30_000, 0.95)).isFalse();
  }
}
