package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagTrendTest {
  private static final Duration TOLERANCE = Duration.ofSeconds(5);

  private static List<LagTrend.Sample> lags(long... values) {
    List<LagTrend.Sample> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      out.add(new LagTrend.Sample(Duration.ofSeconds(5L * i), values[i]));
    }
    return out;
  }

  @Test
  void shouldCallAFlatNoisyLagBounded() {
    LagTrend t = LagTrend.of(lags(2000, 2600, 1800, 2500, 2100, 2400, 1900), 5000, TOLERANCE);
    assertThat(t.bounded()).isTrue();
    assertThat(t.maxRecords()).isEqualTo(2600);
    assertThat(t.lastRecords()).isEqualTo(1900);
    assertThat(t.allowedGrowthRecords()).isEqualTo(25_000);
  }

  @Test
  void shouldCallASteadilyGrowingLagUnbounded() {
    // 1,000 readings/s short of a 5,000 readings/s target for 30 s: 30,000 readings behind
    LagTrend t =
        LagTrend.of(lags(0, 5000, 10_000, 15_000, 20_000, 25_000, 30_000), 5000, TOLERANCE);
    assertThat(t.slopeRecordsPerS()).isEqualTo(1000.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(t.growthRecords()).isEqualTo(30_000);
    assertThat(t.bounded()).isFalse();
  }

  @Test
  void shouldCallAShrinkingBacklogBounded() {
    assertThat(LagTrend.of(lags(50_000, 40_000, 30_000, 20_000), 5000, TOLERANCE).bounded())
        .isTrue();
  }

  @Test
  void shouldJudgeASingleSampleByItsLag() {
    assertThat(LagTrend.of(lags(10), 1000, TOLERANCE).bounded()).isTrue();
    assertThat(LagTrend.of(lags(10_000), 1000, TOLERANCE).bounded()).isFalse();
  }

  @Test
  void shouldCallNoSamplesBounded() {
    assertThat(LagTrend.of(List.of(), 1000, TOLERANCE).bounded()).isTrue();
  }
}
