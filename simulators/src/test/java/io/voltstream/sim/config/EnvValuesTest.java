package io.voltstream.sim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvValuesTest {
  private static Duration duration(String text) {
    return new EnvValues(Map.of("K", text)).duration("K", Duration.ZERO);
  }

  @Test
  void shouldParseShortAndIsoDurations() {
    assertThat(duration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(duration("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(duration("1.5m")).isEqualTo(Duration.ofSeconds(90));
    assertThat(duration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(duration("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(duration("PT5S")).isEqualTo(Duration.ofSeconds(5));
    assertThat(duration("pt0.1s")).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void shouldTreatBlankAsUnset() {
    assertThat(new EnvValues(Map.of("K", "  ")).integer("K", 3, 1, 10)).isEqualTo(3);
  }
}
