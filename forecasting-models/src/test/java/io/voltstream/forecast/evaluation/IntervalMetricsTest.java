package io.voltstream.forecast.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalMetricsTest {
  @Test
  void shouldWeighUnderAndOverForecastsByTheQuantile() {
    assertThat(IntervalMetrics.pinball(0.9, 10, 6)).isCloseTo(3.6, within(1e-12));
    assertThat(IntervalMetrics.pinball(0.9, 6, 10)).isCloseTo(0.4, within(1e-12));
    assertThat(IntervalMetrics.pinball(0.1, 10, 6)).isCloseTo(0.4, within(1e-12));
    assertThat(IntervalMetrics.pinball(0.5, 6, 10)).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void shouldAverageLossesAndCountActualsInsideTheInterval() {
    double[] actual = {5, 12, 0, 8};
    double[] p10 = {4, 4, 1, 8};
    double[] p50 = {5, 6, 2, 9};
    double[] p90 = {6, 8, 3, 10};

    IntervalMetrics m = IntervalMetrics.of(actual, p10, p50, p90);

    // inside: 5 ∈ [4,6], 8 ∈ [8,10] (bounds count); outside: 12 > 8, 0 < 1
    assertThat(m.coverage80()).isEqualTo(0.5);
    assertThat(m.hours()).isEqualTo(4);
    // P50: |5−5|, |12−6|, |0−2|, |8−9| halved → (0 + 3 + 1 + 0.5) / 4
    assertThat(m.pinballP50()).isCloseTo(4.5 / 4, within(1e-12));
    // P90: over by 1 → 0.1·1, under by 4 → 0.9·4, over by 3 → 0.1·3, over by 2 → 0.1·2
    assertThat(m.pinballP90()).isCloseTo(4.2 / 4, within(1e-12));
    // P10: 0.1·1, 0.1·8, 0.9·1, 0 → (0.1 + 0.8 + 0.9) / 4
    assertThat(m.pinballP10()).isCloseTo(1.8 / 4, within(1e-12));
  }
}
