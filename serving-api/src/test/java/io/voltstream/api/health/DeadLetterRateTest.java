package io.voltstream.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterRateTest {
  private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
  private final DeadLetterRate rate = new DeadLetterRate(Duration.ofMinutes(1));

  @Test
  void shouldNeedTwoSamples() {
    assertThat(rate.record(T0, 10)).isEmpty();
    assertThat(rate.record(T0, 12)).as("no time elapsed").isEmpty();
  }

  @Test
  void shouldMeasureGrowthPerMinuteOverTheWindow() {
    rate.record(T0, 100);
    assertThat(rate.record(T0.plusSeconds(30), 130)).hasValue(60.0);
    assertThat(rate.record(T0.plusSeconds(60), 160)).hasValue(60.0);
  }

  @Test
  void shouldForgetABurstOnceTheWindowHasPassed() {
    rate.record(T0, 0);
    rate.record(T0.plusSeconds(10), 500); // a burst of 500 dead letters
    assertThat(rate.record(T0.plusSeconds(20), 500).orElseThrow()).isGreaterThan(1000.0);

    // a minute after the burst the baseline is the sample taken after it
    assertThat(rate.record(T0.plusSeconds(71), 500)).hasValue(0.0);
  }

  @Test
  void shouldAverageOverTheGapWhenProbesAreFurtherApartThanTheWindow() {
    rate.record(T0, 0);
    assertThat(rate.record(T0.plus(Duration.ofMinutes(10)), 100)).hasValue(10.0);
  }

  @Test
  void shouldStartOverWhenTheTopicWasRecreated() {
    rate.record(T0, 1000);
    assertThat(rate.record(T0.plusSeconds(30), 5)).isEmpty();
    assertThat(rate.record(T0.plusSeconds(60), 35)).hasValue(60.0);
  }
}
