package io.voltstream.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReplayTimelineTest {
  private static final ZoneId CET = ZoneId.of("+01:00");
  private static final LocalDateTime FIRST = LocalDateTime.of(2016, 2, 14, 0, 0);
  private static final LocalDateTime LAST = LocalDateTime.of(2016, 4, 30, 23, 50);
  private static final Instant WALL_START = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void shouldKeepTheFilesLocalTimeInTheChosenZone() {
    ReplayTimeline t = ReplayTimeline.unshifted(CET, FIRST, WALL_START, 60);
    assertThat(t.eventTime(FIRST)).isEqualTo(Instant.parse("2016-02-13T23:00:00Z"));
  }

  @Test
  void shouldMapFileTimeToWallTimeDividedBySpeed() {
    ReplayTimeline t = ReplayTimeline.unshifted(CET, FIRST, WALL_START, 60);
    Instant hourLater = t.eventTime(FIRST.plusHours(1));
    assertThat(t.publishAt(t.eventTime(FIRST))).isEqualTo(WALL_START);
    assertThat(t.publishAt(hourLater)).isEqualTo(WALL_START.plus(Duration.ofMinutes(1)));
    ReplayTimeline fast = ReplayTimeline.unshifted(CET, FIRST, WALL_START, 600);
    assertThat(fast.publishAt(fast.eventTime(FIRST.plusMinutes(10))))
        .isEqualTo(WALL_START.plusSeconds(1));
  }

  @Test
  void shouldEndNowWhenShifted() {
    ReplayTimeline t = ReplayTimeline.endingAt(CET, FIRST, LAST, WALL_START, 600);
    Instant lastEvent = t.eventTime(LAST);
    // The last reading is stamped exactly when the replay publishes it.
    assertThat(t.publishAt(lastEvent)).isEqualTo(lastEvent);
    // Earlier readings are stamped in the past of their publish moment, never in its future.
    Instant early = t.eventTime(FIRST.plusDays(3));
    assertThat(early).isBefore(t.publishAt(early));
    assertThat(Duration.between(t.eventTime(FIRST), lastEvent))
        .isEqualTo(Duration.between(FIRST, LAST));
  }

  @Test
  void shouldBeLiveAtSpeedOne() {
    ReplayTimeline t = ReplayTimeline.endingAt(CET, FIRST, LAST, WALL_START, 1);
    Instant e = t.eventTime(FIRST.plusHours(5));
    assertThat(t.publishAt(e)).isEqualTo(e);
  }

  @Test
  void shouldRejectANonPositiveSpeed() {
    assertThatThrownBy(() -> ReplayTimeline.unshifted(CET, FIRST, WALL_START, 0))
        .hasMessageContaining("speed");
  }
}
