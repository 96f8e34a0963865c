package io.voltstream.forecast.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {
  private static final double NAN = Double.NaN;

  @Test
  void shouldSkipMissingValues() {
    double[] v = {1, NAN, 3, 8};
    assertThat(Stats.mean(v)).isEqualTo(4.0);
    assertThat(Stats.median(v)).isEqualTo(3.0);
    assertThat(Stats.min(v)).isEqualTo(1.0);
    assertThat(Stats.max(v)).isEqualTo(8.0);
    // population std of 1,3,8: mean 4, squares 9+1+16 = 26, /3
    assertThat(Stats.std(v)).isCloseTo(Math.sqrt(26.0 / 3), within(1e-12));
  }

  @Test
  void shouldAverageTheMiddlePairForAnEvenMedianAndGiveNaNWhenEmpty() {
    assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(Stats.mean(new double[] {NAN, NAN})).isNaN();
    assertThat(Stats.median(new double[0])).isNaN();
  }
}
