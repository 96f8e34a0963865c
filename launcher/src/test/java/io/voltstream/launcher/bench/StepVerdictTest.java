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
  void shouldSustainWhenPublishedAndStoredAreWithinOnePercentAndLagIsFlat() {
    StepVerdict v = StepVerdict.evaluate(60_000, 59_700, 59_450, FLAT, FLAT, 0.99);
    assertThat(v.sustained()).isTrue();
    assertThat(v.reasons()).isEmpty();
  }

  @Test
  void shouldFailAStepThatOnlyAFivePercentToleranceWouldPass() {
    // 76,118 of 80,000 stored passed the old 95 % rule (issue 13)
    StepVerdict v = StepVerdict.evaluate(80_000, 80_000, 76_118, FLAT, FLAT, 0.99);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reasons()).singleElement().asString().startsWith("stored 76,118/s < 99%");
  }

  @Test
  void shouldFailWhenThePublisherFallsShort() {
    assertThat(StepVerdict.evaluate(50_000, 40_000, 40_000, FLAT, FLAT, 0.99).reasons())
        .hasSize(2)
        .first()
        .asString()
        .startsWith("published");
  }

  @Test
  void shouldFailWhenLagGrowsEvenIfRatesLookFine() {
    StepVerdict v = StepVerdict.evaluate(30_000, 30_000, 30_000, GROWING, FLAT, 0.99);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reasons()).singleElement().asString().contains("lag grew by 90,000 readings");
  }

  @Test
  void shouldFailWhenTheBrokersQueueGrows() {
    StepVerdict v = StepVerdict.evaluate(30_000, 30_000, 30_000, FLAT, GROWING, 0.99);
    assertThat(v.sustained()).isFalse();
    assertThat(v.reasons())
        .singleElement()
        .asString()
        .contains("broker queue grew by 90,000 messages");
  }
}
