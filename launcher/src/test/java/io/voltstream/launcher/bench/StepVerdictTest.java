package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepVerdictTest {
  private static final LagTrend FLAT =
      LagTrend.of(
          List.of(
              new LagTrend.Sample(Duration.ZERO, 100),
              new LagTrend.Sample(Duration.ofSeconds(30), 120)),
          5000,
          Duration.ofSeconds(5));
  private static final LagTrend GROWING =
      LagTrend.of(
          List.of(
              new LagTrend.Sample(Duration.ZERO, 0),
              new LagTrend.Sample(Duration.ofSeconds(30), 90_000)),
          5000,
          Duration.ofSeconds(5));

  @Test
  void shouldSustainWhenEveryRateIsWithinToleranceAndLagIsBounded() {
    StepVerdict v = StepVerdict.evaluate(30_000, 29_700, 29_650, 29_600, FLAT, 0.95);
    assertThat(v.sustained()).isTrue();
    assertThat(v.reasons()).isEmpty();
  }

  @Test
  void shouldFailWhenInfluxStoresTooLittle() {
    StepVerdict v = StepVerdict.evaluate(30_000, 30_000, 30_000, 24_000, FLAT, 0.95);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reasons()).singleElement().asString().startsWith("stored 24,000/s");
  }

  @Test
  void shouldFailWhenThePublisherFallsShort() {
    assertThat(StepVerdict.evaluate(50_000, 40_000, 40_000, 40_000, FLAT, 0.95).reasons())
        .hasSize(3)
        .first()
        .asString()
        .startsWith("published");
  }

  @Test
  void shouldFailWhenLagGrowsEvenIfRatesLookFine() {
    StepVerdict v = StepVerdict.evaluate(30_000, 30_000, 30_000, 29_000, GROWING, 0.95);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reasons()).singleElement().asString().contains("lag grew by 90,000 readings");
  }
}
