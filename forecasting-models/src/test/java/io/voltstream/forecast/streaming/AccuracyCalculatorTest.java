package io.voltstream.forecast.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.data.HourlySeries;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccuracyCalculatorTest {
  // Alternating days of 1 and 3 kWh per hour: the 7-day ensemble is never exact.
  private static final HourlySeries ACTUALS =
      ForecastTestData.hourly(10, i -> (i / 24) % 2 == 0 ? 1.0 : 3.0);
  private static final Instant FROM = ForecastTestData.START.plus(Duration.ofDays(8));
  private static final Instant TO = ForecastTestData.START.plus(Duration.ofDays(9));

  @Test
  void shouldScoreAPerfectForecastWithFullSkill() {
    Map<Instant, Double> forecasts = new HashMap<>();
    for (Instant h = FROM; h.isBefore(TO); h = h.plus(Duration.ofHours(1))) {
      forecasts.put(h, ACTUALS.target(h));
    }

    var report =
        AccuracyCalculator.compute("demo", ForecastTarget.CONSUMPTION, forecasts, ACTUALS, FROM, TO)
            .orElseThrow();

    assertThat(report.hours()).isEqualTo(24);
    assertThat(report.nrmsePercent()).isZero();
    assertThat(report.skill()).isEqualTo(1.0);
    // day 8 is a "1" day; the ensemble over days 1..7 is (3+1+3+1+3+1+3)/7 = 15/7
    assertThat(report.baselineRmseKwh()).isCloseTo(15.0 / 7 - 1, within(1e-9));
    assertThat(report.at()).isEqualTo(TO);
  }

  @Test
  void shouldScoreOnlyHoursWithAForecastAndGiveNothingWithoutAny() {
    Map<Instant, Double> one = Map.of(FROM, 2.0);

    var report =
        AccuracyCalculator.compute("demo", ForecastTarget.CONSUMPTION, one, ACTUALS, FROM, TO)
            .orElseThrow();

    assertThat(report.hours()).isEqualTo(1);
    assertThat(report.maeKwh()).isEqualTo(1.0);
    assertThat(report.nrmsePercent()).isEqualTo(100.0);
    assertThat(
            AccuracyCalculator.compute(
                "demo", ForecastTarget.CONSUMPTION, Map.of(), ACTUALS, FROM, TO))
        .isEmpty();
  }
}
