package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  private static List<Duration> millis(long... values) {
    List<Duration> out = new ArrayList<>();
    for (long v : values) {
      out.add(Duration.ofMillis(v));
    }
    return out;
  }

  @Test
  void shouldTakeNearestRankPercentilesOfOneToHundred() {
    List<Duration> samples = new ArrayList<>();
    for (int i = 100; i >= 1; i--) {
      samples.add(Duration.ofMillis(i));
    }
    Percentiles p = Percentiles.of(samples).orElseThrow();
    assertThat(p.count()).isEqualTo(100);
    assertThat(p.p50()).isEqualTo(Duration.ofMillis(50));
    assertThat(p.p99()).isEqualTo(Duration.ofMillis(99));
    assertThat(p.max()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void shouldReportTheMaximumAsP99WhenFewerThanHundredSamples() {
    Percentiles p = Percentiles.of(millis(300, 100, 200, 900, 400)).orElseThrow();
    assertThat(p.p50()).isEqualTo(Duration.ofMillis(300));
    assertThat(p.p99()).isEqualTo(Duration.ofMillis(900));
    assertThat(p.max()).isEqualTo(Duration.ofMillis(900));
  }

  @Test
  void shouldUseTheOnlySampleForEveryPercentile() {
    Percentiles p = Percentiles.of(millis(42)).orElseThrow();
    assertThat(List.of(p.p50(), p.p99(), p.max())).containsOnly(Duration.ofMillis(42));
  }

  @Test
  void shouldBeEmptyWithoutSamples() {
    assertThat(Percentiles.of(List.of())).isEmpty();
  }

  @Test
  void shouldRejectPercentOutsideRange() {
    assertThatThrownBy(() -> Percentiles.nearestRank(millis(1, 2), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(millis(1, 2), 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
