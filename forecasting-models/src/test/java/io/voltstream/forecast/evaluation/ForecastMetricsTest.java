package io.voltstream.forecast.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastMetricsTest {
  // actual 10, 20, 30, 40 (mean 25); forecast 12, 18, 33, 40 → errors 2, -2, 3, 0
  private static final double[] ACTUAL = {10, 20, 30, 40};
  private static final double[] FORECAST = {12, 18, 33, 40};

  @Test
  void shouldComputeRmseMaeAndNrmseByHand() {
    // squares 4 + 4 + 9 + 0 = 17 → RMSE sqrt(17/4) = 2.0615528
    assertThat(ForecastMetrics.rmse(ACTUAL, FORECAST)).isCloseTo(2.0615528128, within(1e-9));
    // |2|+|2|+|3|+0 = 7 → 1.75
    assertThat(ForecastMetrics.mae(ACTUAL, FORECAST)).isEqualTo(1.75);
    // 100 * 2.0615528 / 25 = 8.2462112
    assertThat(ForecastMetrics.nrmsePercent(ACTUAL, FORECAST))
        .isCloseTo(8.2462112512, within(1e-9));
  }

  @Test
  void shouldComputeSkillAgainstTheReference() {
    assertThat(ForecastMetrics.skill(3.0, 4.0)).isEqualTo(0.25);
    assertThat(ForecastMetrics.skill(4.0, 4.0)).isEqualTo(0.0);
    assertThat(ForecastMetrics.skill(6.0, 4.0)).isEqualTo(-0.5);
    assertThat(ForecastMetrics.skill(1.0, 0.0)).isNaN();
  }

  @Test
  void shouldBundleFiguresWithTheHourCount() {
    Metrics m = ForecastMetrics.of(ACTUAL, FORECAST, 4.123105625617661);
    assertThat(m.hours()).isEqualTo(4);
    assertThat(m.skill()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void shouldRejectArraysOfDifferentLength() {
    assertThatThrownBy(() -> ForecastMetrics.rmse(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 actual, 2 forecast");
  }
}
