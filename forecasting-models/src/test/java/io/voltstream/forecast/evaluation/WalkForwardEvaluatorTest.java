package io.voltstream.forecast.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.FutureAccessException;
import io.voltstream.forecast.features.PastView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardEvaluatorTest {
  private static final Instant TEST_FROM = ForecastTestData.START.plus(Duration.ofDays(14));
  private static final Instant TEST_TO = ForecastTestData.START.plus(Duration.ofDays(17));

  /** Knows the answer, but only by cheating through the series: used to prove scoring is right. */
  private static Forecaster oracle(HourlySeries truth) {
    return new Forecaster() {
      @Override
      public String id() {
        return "oracle";
      }

      @Override
      public double[] forecast(PastView past, List<Instant> targets) {
        return targets.stream().mapToDouble(truth::target).toArray();
      }
    };
  }

  @Test
  void shouldScoreAPerfectForecastAtZeroErrorAndFullSkill() {
    HourlySeries series = ForecastTestData.dailyShape(17, 1.0);
    var forecasters = new ArrayList<Forecaster>(List.of(oracle(series)));
    forecasters.addAll(Baselines.all());
    var progress = new ArrayList<Integer>();

    EvaluationReport report =
        WalkForwardEvaluator.evaluate(series, TEST_FROM, TEST_TO, 24, forecasters, progress::add);

    assertThat(report.origins()).isEqualTo(3);
    assertThat(report.hours()).isEqualTo(72);
    assertThat(progress).containsExactly(1, 2, 3);
    assertThat(report.metrics().get("oracle").nrmse()).isZero();
    assertThat(report.metrics().get("oracle").skill()).isEqualTo(1.0);
    assertThat(report.metrics().get("persistence_ensemble").skill()).isZero();
    assertThat(report.metrics().keySet())
        .containsExactly("oracle", "persistence_ensemble", "previous_day", "previous_week");
  }

  @Test
  void shouldSkipDaysWithMissingActualsAndScoreOnlyTheHorizon() {
    double[] v = new double[17 * 24];
    for (int i = 0; i < v.length; i++) {
      v[i] = 1 + i % 24;
    }
    v[15 * 24 + 3] = Double.NaN; // day 15 is incomplete
    var series = HourlySeries.of(ForecastTestData.START, v);

    EvaluationReport report =
        WalkForwardEvaluator.evaluate(series, TEST_FROM, TEST_TO, 6, Baselines.all(), d -> {});

    assertThat(report.origins()).isEqualTo(2);
    assertThat(report.skippedOrigins()).isEqualTo(1);
    // 2 days × 6 hours, minus day 16 03:00 whose previous-day value is the missing hour:
    // every forecaster is scored on the same hours
    assertThat(report.hours()).isEqualTo(11);
    // a strictly daily pattern: every baseline is exact
    assertThat(report.metrics().get("previous_day").rmse()).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void shouldHandForecastersOnlyThePastOfEachOrigin() {
    HourlySeries series = ForecastTestData.dailyShape(17, 1.0);
    Forecaster peeking =
        new Forecaster() {
          @Override
          public String id() {
            return "peeking";
          }

          @Override
          public double[] forecast(PastView past, List<Instant> targets) {
            return targets.stream().mapToDouble(past::target).toArray();
          }
        };

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                WalkForwardEvaluator.evaluate(
                    series, TEST_FROM, TEST_TO, 24, List.of(peeking), d -> {}))
        .isInstanceOf(FutureAccessException.class);
  }
}
