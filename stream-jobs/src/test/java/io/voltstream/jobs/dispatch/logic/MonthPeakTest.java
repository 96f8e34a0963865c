package io.voltstream.jobs.dispatch.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MonthPeakTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
  private static final Duration STEP = Duration.ofSeconds(10);

  private static MonthPeak quarter(
      MonthPeak p, Instant start, double firstHalfW, double secondHalfW) {
    for (int i = 0; i < 90; i++) {
      p =
          p.observe(
              start.plus(STEP.multipliedBy(i)), STEP, i < 45 ? firstHalfW : secondHalfW, ZONE);
    }
    return p;
  }

  @Test
  void shouldCountACompletedQuarterAverageWithoutOffsettingExports() {
    Instant t = Instant.parse("2026-04-15T10:00:00Z");
    MonthPeak p = quarter(MonthPeak.empty(), t, 4000, -4000);
    assertThat(p.monthPeakImportW()).isZero(); // the quarter is still open

    p = p.observe(t.plus(Duration.ofMinutes(15)), STEP, 0, ZONE);

    assertThat(p.monthPeakImportW()).isCloseTo(2000, within(1e-9));
  }

  @Test
  void shouldKeepTheHighestQuarterAndResetInANewMonth() {
    Instant t = Instant.parse("2026-04-30T21:15:00Z"); // 23:15 local
    MonthPeak p = quarter(MonthPeak.empty(), t, 3000, 3000);
    p = quarter(p, t.plus(Duration.ofMinutes(15)), 1000, 1000);
    p = p.observe(t.plus(Duration.ofMinutes(30)), STEP, 0, ZONE);
    assertThat(p.monthPeakImportW()).isCloseTo(3000, within(1e-9));

    MonthPeak may =
        quarter(p, Instant.parse("2026-04-30T22:00:00Z"), 500, 500); // 00:00 local, 1 May
    may = may.observe(Instant.parse("2026-04-30T22:15:00Z"), STEP, 0, ZONE);
    assertThat(may.monthPeakImportW()).isCloseTo(500, within(1e-9));
  }
}
