package io.voltstream.forecast.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.PastView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  private static final Instant ORIGIN = ForecastTestData.START.plus(Duration.ofDays(10));

  @Test
  void shouldRepeatTheSameHourOfThePreviousDayAndWeek() {
    HourlySeries series = ForecastTestData.indexSeries(12);
    var past = new PastView(series, ORIGIN);
    Instant target = ORIGIN.plus(Duration.ofHours(7));
    int t = series.indexOf(target);

    assertThat(Baselines.previousDay(past, target)).isEqualTo(t - 24);
    assertThat(Baselines.previousWeek(past, target)).isEqualTo(t - 168);
  }

  @Test
  void shouldAverageTheSameHourOverTheSevenPreviousDays() {
    HourlySeries series = ForecastTestData.indexSeries(12);
    Instant target = ORIGIN.plus(Duration.ofHours(2));
    int t = series.indexOf(target);

    // (t-24 + t-48 + … + t-168) / 7 = t - 96
    assertThat(Baselines.persistenceEnsemble(new PastView(series, ORIGIN), target))
        .isEqualTo(t - 96);
  }

  @Test
  void shouldIgnoreMissingDaysInTheEnsembleAndGiveNaNWithoutHistory() {
    double[] v = new double[24 * 3];
    java.util.Arrays.fill(v, Double.NaN);
    v[5] = 10; // day 0, 05:00
    v[24 + 5] = 20; // day 1, 05:00
    var series = HourlySeries.of(ForecastTestData.START, v);
    Instant origin = ForecastTestData.START.plus(Duration.ofDays(2));

    var past = new PastView(series, origin);
    assertThat(Baselines.persistenceEnsemble(past, origin.plus(Duration.ofHours(5))))
        .isEqualTo(15.0);
    assertThat(Baselines.persistenceEnsemble(past, origin.plus(Duration.ofHours(6)))).isNaN();
    assertThat(Baselines.previousWeek(past, origin.plus(Duration.ofHours(5)))).isNaN();
  }

  @Test
  void shouldListTheThreeBaselinesUnderTheirReportNames() {
    assertThat(Baselines.all())
        .extracting(Forecaster::id)
        .containsExactly("persistence_ensemble", "previous_day", "previous_week");
    var f = Baselines.previousDay();
    HourlySeries series = ForecastTestData.indexSeries(12);
    assertThat(f.forecast(new PastView(series, ORIGIN), List.of(ORIGIN, ORIGIN.plusSeconds(3600))))
        .containsExactly(series.indexOf(ORIGIN) - 24, series.indexOf(ORIGIN) - 23);
  }
}
