package io.voltstream.jobs.roommetrics.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayRangeTest {

  @Test
  void shouldWidenTheRangeToWholeWindows() {
    ReplayRange r =
        new ReplayRange(
                Instant.parse("2026-01-05T10:00:30Z"), Instant.parse("2026-01-05T10:05:00.001Z"))
            .alignedTo(Duration.ofMinutes(1));

    assertThat(r.from()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
    assertThat(r.to()).isEqualTo(Instant.parse("2026-01-05T10:06:00Z"));
  }

  @Test
  void shouldKeepAnAlignedRangeAndContainItsStartButNotItsEnd() {
    Instant from = Instant.parse("2026-01-05T10:00:00Z");
    ReplayRange r = new ReplayRange(from, from.plusSeconds(120)).alignedTo(Duration.ofMinutes(1));

    assertThat(r).isEqualTo(new ReplayRange(from, from.plusSeconds(120)));
    assertThat(r.contains(from)).isTrue();
    assertThat(r.contains(from.minusMillis(1))).isFalse();
    assertThat(r.contains(from.plusSeconds(120))).isFalse();
  }

  @Test
  void shouldRefuseAnEmptyRange() {
    Instant t = Instant.parse("2026-01-05T10:00:00Z");
    assertThatThrownBy(() -> new ReplayRange(t, t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--from");
  }
}
