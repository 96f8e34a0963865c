package io.voltstream.forecast.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.probabilistic.LeadBand;
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
    Map<Instant, Map<Integer, Double>> forecasts = new HashMap<>();
    for (Instant h = FROM; h.isBefore(TO); h = h.plus(Duration.ofHours(1))) {
      forecasts.put(h, Map.of(23, ACTUALS.target(h)));
    }

    var report =
        AccuracyCalculator.compute(
                "demo",
                ForecastTarget.CONSUMPTION,
                LeadBand.DAY_AHEAD,
                forecasts,
                ACTUALS,
                FROM,
                TO)
            .orElseThrow();

    assertThat(report.hours()).isEqualTo(24);
    assertThat(report.leadBand()).isEqualTo(LeadBand.DAY_AHEAD);
    assertThat(report.nrmsePercent()).isZero();
    assertThat(report.skill()).isEqualTo(1.0);
    // day 8 is a "1" day; the ensemble over days 1..7 is (3+1+3+1+3+1+3)/7 = 15/7
    assertThat(report.baselineRmseKwh()).isCloseTo(15.0 / 7 - 1, within(1e-9));
    assertThat(report.at()).isEqualTo(TO);
  }

  @Test
  void shouldScoreOnlyHoursWithAForecastAndGiveNothingWithoutAny() {
    Map<Instant, Map<Integer, Double>> one = Map.of(FROM, Map.of(0, 2.0));

    var report =
        AccuracyCalculator.compute(
                "demo", ForecastTarget.CONSUMPTION, LeadBand.H0_6, one, ACTUALS, FROM, TO)
            .orElseThrow();

    assertThat(report.hours()).isEqualTo(1);
    assertThat(report.maeKwh()).isEqualTo(1.0);
    assertThat(report.nrmsePercent()).isEqualTo(100.0);
    assertThat(
            AccuracyCalculator.compute(
                "demo", ForecastTarget.CONSUMPTION, LeadBand.H0_6, Map.of(), ACTUALS, FROM, TO))
        .isEmpty();
  }

  @Test
  void shouldScoreEachForecastInTheBandOfItsLead() {
    // Hour FROM (actual 1) forecast at leads 2 and 4 (0-6h), 10 (6-24h) and 23 (day-ahead).
    Map<Instant, Map<Integer, Double>> forecasts =
        Map.of(FROM, Map.of(2, 1.5, 4, 2.5, 10, 3.0, 23, 1.0));

    var reports =
        AccuracyCalculator.computeAll(
            "demo", ForecastTarget.CONSUMPTION, forecasts, ACTUALS, FROM, TO);

    assertThat(reports).extracting(AccuracyReport::leadBand).containsExactly(LeadBand.values());
    var near = reports.get(0);
    assertThat(near.hours()).isEqualTo(2);
    assertThat(near.maeKwh()).isCloseTo((0.5 + 1.5) / 2, within(1e-9));
    assertThat(reports.get(1).hours()).isEqualTo(1);
    assertThat(reports.get(1).maeKwh()).isCloseTo(2.0, within(1e-9));
    assertThat(reports.get(2).rmseKwh()).isZero();
    // the ensemble issued at each lead reads the same 7 previous days: 15/7 for every band
    assertThat(reports)
        .allSatisfy(r -> assertThat(r.baselineRmseKwh()).isCloseTo(15.0 / 7 - 1, within(1e-9)));
  }
}
