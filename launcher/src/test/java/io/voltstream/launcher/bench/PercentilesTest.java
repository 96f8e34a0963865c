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
    assertThat(p.p50()).contains(Duration.ofMillis(50));
    assertThat(p.p99()).contains(Duration.ofMillis(99));
    assertThat(p.max()).contains(Duration.ofMillis(100));
  }

  @Test
  void shouldReportTheMaximumAsP99WhenFewerThanHundredSamples() {
    Percentiles p = Percentiles.of(millis(300, 100, 200, 900, 400)).orElseThrow();
    assertThat(p.p50()).contains(Duration.ofMillis(300));
    assertThat(p.p99()).contains(Duration.ofMillis(900));
    assertThat(p.max()).contains(Duration.ofMillis(900));
  }

  @Test
  void shouldUseTheOnlySampleForEveryPercentile() {
    Percentiles p = Percentiles.of(millis(42)).orElseThrow();
    assertThat(List.of(p.p50(), p.p99(), p.max()))
        .containsOnly(java.util.Optional.of(Duration.ofMillis(42)));
  }

  @Test
  void shouldBeEmptyWithoutSamples() {
    assertThat(Percentiles.of(List.of())).isEmpty();
  }

  @Test
  void shouldCountUnseenProbesAsFailuresRankedAboveEverySeenOne() {
    List<Duration> seen = new ArrayList<>();
    for (int i = 1; i <= 98; i++) {
      seen.add(Duration.ofMillis(i));
    }
    // 98 seen + 2 unseen: the 99th of 100 ranks on an unseen probe, the median does not
    Percentiles p = Percentiles.of(seen, 2);
    assertThat(p.p50()).contains(Duration.ofMillis(50));
    assertThat(p.p99()).isEmpty();
    assertThat(p.p99AtMost(Duration.ofDays(1))).isFalse();
    assertThat(p.max()).contains(Duration.ofMillis(98));
    assertThat(p.describe()).isEqualTo("50ms / unseen / 98ms (98, 2 unseen)");
  }

  @Test
  void shouldKeepP99WhenAtMostOnePercentIsUnseen() {
    List<Duration> seen = new ArrayList<>();
    for (int i = 1; i <= 199; i++) {
      seen.add(Duration.ofMillis(i));
    }
    Percentiles p = Percentiles.of(seen, 1);
    assertThat(p.p99()).contains(Duration.ofMillis(198));
    assertThat(p.p99AtMost(Duration.ofMillis(198))).isTrue();
    assertThat(p.p99AtMost(Duration.ofMillis(197))).isFalse();
  }

  @Test
  void shouldHaveNoPercentileWhenNothingWasSeen() {
    Percentiles p = Percentiles.of(List.of(), 5);
    assertThat(p.p50()).isEmpty();
    assertThat(p.max()).isEmpty();
    assertThat(p.describe()).isEqualTo("unseen / unseen / unseen (0, 5 unseen)");
  }

  @Test
  void shouldRejectPercentOutsideRange() {
    assertThatThrownBy(() -> Percentiles.nearestRank(millis(1, 2), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(millis(1, 2), 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
