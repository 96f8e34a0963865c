package io.voltstream.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.api.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.750Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration MAX = Duration.ofDays(31);

  @Test
  void shouldDefaultToTheLastHourEndingAtTheCurrentSecond() {
    TimeRange r = TimeRange.parse(null, null, HOUR, MAX, NOW);
    assertThat(r.end()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(r.start()).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
  }

  @Test
  void shouldAcceptIsoInstantsWithOffsetsAndEpochMillis() {
    TimeRange r = TimeRange.parse("2026-11-27T08:00:00+01:00", "1795773600000", HOUR, MAX, NOW);
    assertThat(r.start()).isEqualTo(Instant.parse("2026-11-27T07:00:00Z"));
    assertThat(r.end()).isEqualTo(Instant.ofEpochMilli(1795773600000L));
  }

  @Test
  void shouldRejectUnparseableBoundsWith400NamingTheField() {
    assertThatThrownBy(() -> TimeRange.parse("yesterday", "'; DROP", HOUR, MAX, NOW))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ApiException.Kind.BAD_REQUEST);
              assertThat(e.errors())
                  .extracting(f -> f.field())
                  .containsExactlyInAnyOrder("start_time", "end_time");
            });
  }

  @Test
  void shouldRejectEmptyAndTooLongRangesWith422() {
    assertThatThrownBy(
            () -> TimeRange.parse("2026-11-27T10:00:00Z", "2026-11-27T09:00:00Z", HOUR, MAX, NOW))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.UNPROCESSABLE));
    assertThatThrownBy(
            () -> TimeRange.parse("2026-01-01T00:00:00Z", "2026-11-27T09:00:00Z", HOUR, MAX, NOW))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.UNPROCESSABLE));
  }

  @Test
  void shouldOnlyAcceptResolutionsOfTheAllowedSet() {
    assertThat(Resolution.parse("resolution", null, Resolution.ONE_MINUTE))
        .isEqualTo(Resolution.ONE_MINUTE);
    assertThat(Resolution.parse("resolution", "15m", Resolution.ONE_MINUTE).bucket())
        .isEqualTo(Duration.ofMinutes(15));
    assertThatThrownBy(() -> Resolution.parse("resolution", "7s", Resolution.ONE_MINUTE))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("resolution"));
  }
}
