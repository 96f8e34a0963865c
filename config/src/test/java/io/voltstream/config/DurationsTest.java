package io.voltstream.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void shouldReadTheOneSyntaxAndIso8601() {
    assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
    assertThat(Durations.parse("2d")).contains(Duration.ofDays(2));
    assertThat(Durations.parse(" 1.5m ")).contains(Duration.ofSeconds(90));
    assertThat(Durations.parse("0")).contains(Duration.ZERO);
    assertThat(Durations.parse("PT30S")).contains(Duration.ofSeconds(30));
    assertThat(Durations.parse("pt1h")).contains(Duration.ofHours(1));
    assertThat(Durations.parse("pt0.1s")).contains(Duration.ofMillis(100));
  }

  @Test
  void shouldRejectOtherText() {
    assertThat(Durations.parse("soon")).isEmpty();
    assertThat(Durations.parse("5")).isEmpty();
    assertThat(Durations.parse("-5s")).isEmpty();
    assertThat(Durations.parse("5 parsecs")).isEmpty();
    assertThat(Durations.parse(null)).isEmpty();
  }

  @Test
  void shouldFormatInTheLargestExactUnit() {
    assertThat(Durations.format(Duration.ofDays(365))).isEqualTo("365d");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Durations.format(Duration.ofSeconds(70))).isEqualTo("70s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }
}
