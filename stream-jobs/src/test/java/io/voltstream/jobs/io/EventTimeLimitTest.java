package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeLimitTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private final EventTimeLimit limit = new EventTimeLimit(Duration.ofMinutes(2));

  @Test
  void shouldCallOnlyEventTimesBeyondTheToleranceAhead() {
    assertThat(limit.isAhead(NOW.minus(Duration.ofDays(3650)), NOW)).isFalse();
    assertThat(limit.isAhead(NOW, NOW)).isFalse();
    assertThat(limit.isAhead(NOW.plus(Duration.ofMinutes(2)), NOW)).isFalse();
    assertThat(limit.isAhead(NOW.plus(Duration.ofMinutes(2)).plusMillis(1), NOW)).isTrue();
    assertThat(limit.isAhead(NOW.plus(Duration.ofMinutes(10)), NOW)).isTrue();
  }

  @Test
  void shouldMeasureHowFarAhead() {
    assertThat(EventTimeLimit.aheadBy(NOW.plus(Duration.ofMinutes(10)), NOW))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void shouldNameTheSettingOfANegativeTolerance() {
    assertThatThrownBy(() -> new EventTimeLimit(Duration.ofSeconds(-1)))
        .hasMessageContaining("VOLTSTREAM_MAX_EVENT_TIME_AHEAD");
  }
}
