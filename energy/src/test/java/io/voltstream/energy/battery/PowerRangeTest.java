package io.voltstream.energy.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PowerRangeTest {
  private final PowerRange range = new PowerRange(-3000, 4000);

  @Test
  void narrowIntersects() {
    assertThat(range.narrow(new PowerRange(-1000, 9000))).isEqualTo(new PowerRange(-1000, 4000));
  }

  @Test
  void whenTheLimitMissesTheRangeTheRangesNearestEdgeWins() {
    assertThat(range.narrow(PowerRange.point(6000))).isEqualTo(PowerRange.point(4000));
    assertThat(range.narrow(new PowerRange(-9000, -5000))).isEqualTo(PowerRange.point(-3000));
  }

  @Test
  void atLeastAndAtMostKeepInsideTheRange() {
    assertThat(range.atLeast(1000)).isEqualTo(new PowerRange(1000, 4000));
    assertThat(range.atLeast(5000)).isEqualTo(PowerRange.point(4000));
    assertThat(range.atMost(-4000)).isEqualTo(PowerRange.point(-3000));
    assertThat(range.clamp(-7000)).isEqualTo(-3000);
  }

  @Test
  void anEmptyRangeIsRejected() {
    assertThatThrownBy(() -> new PowerRange(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PowerRange(Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
