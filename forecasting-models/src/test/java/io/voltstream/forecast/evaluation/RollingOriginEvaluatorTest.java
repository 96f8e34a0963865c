package io.voltstream.forecast.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.PastView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollingOriginEvaluatorTest {
  private static final Instant START = ForecastTestData.START;

  private static Instant day(int d) {
    return START.plus(Duration.ofDays(d));
  }

  @Test
  void shouldCutConsecutiveFoldsAtTheEndOfTheSeries() {
    HourlySeries series = ForecastTestData.dailyShape(30, 1.0);

    List<RollingOriginEvaluator.Fold> folds = RollingOriginEvaluator.folds(series, 3, 7);

    assertThat(folds)
        .containsExactly(
            new RollingOriginEvaluator.Fold(1, day(9), day(16)),
            new RollingOriginEvaluator.Fold(2, day(16), day(23)),
            new RollingOriginEvaluator.Fold(3, day(23), day(30)));
  }

  @Test
  void shouldRefuseFoldsThatLeaveLessThanEightDaysOfTraining() {
    HourlySeries series = ForecastTestData.dailyShape(30, 1.0);

    assertThatThrownBy(() -> RollingOriginEvaluator.folds(series, 4, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6 days of training before the first fold");
  }

  /** Perfect (reads the truth) on the first fold only, the persistence ensemble elsewhere. */
  private static Forecaster perfectOn(HourlySeries truth, Instant until, String id) {
    return new Forecaster() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public double[] forecast(PastView past, List<Instant> targets) {
        return targets.stream()
            .mapToDouble(
                t -> t.isBefore(until) ? truth.target(t) : Baselines.persistenceEnsemble(past, t))
            .toArray();
      }
    };
  }

  @Test
  void shouldBuildEachFoldFromThePastOnlyAndReportPooledMeanAndWorstSkill() {
    HourlySeries series = ForecastTestData.dailyShape(30, 1.0);
    List<RollingOriginEvaluator.Fold> folds = RollingOriginEvaluator.folds(series, 3, 7);
    var seenEnds = new ArrayList<Instant>();
    var progress = new ArrayList<Integer>();

    RollingOriginEvaluator.Report report =
        RollingOriginEvaluator.evaluate(
            series,
            folds,
            24,
            (before, fold) -> {
              seenEnds.add(before.end());
              return List.of(perfectOn(series, day(16), "model"));
            },
            r -> progress.add(r.fold().number()));

    assertThat(seenEnds).containsExactly(day(9), day(16), day(23));
    assertThat(progress).containsExactly(1, 2, 3);
    assertThat(report.folds()).allSatisfy(f -> assertThat(f.report().hours()).isEqualTo(7 * 24));
    assertThat(report.pooled().hours()).isEqualTo(3 * 7 * 24);
    // The ensemble is added when the factory leaves it out; its own skill is 0 everywhere.
    assertThat(report.pooled().metrics().keySet()).containsExactly("model", "persistence_ensemble");
    assertThat(report.folds().get(0).report().metrics().get("model").skill()).isEqualTo(1.0);
    assertThat(report.meanSkill("model")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(report.worstSkill("model")).isZero();
    // pooled: SSE of folds 2 and 3 only, against the ensemble's SSE of all three folds
    double[] ens = new double[3];
    for (int k = 0; k < 3; k++) {
      var m = report.folds().get(k).report().metrics().get("persistence_ensemble");
      ens[k] = m.rmse() * m.rmse() * m.hours();
    }
    double expected = 1 - Math.sqrt(ens[1] + ens[2]) / Math.sqrt(ens[0] + ens[1] + ens[2]);
    assertThat(report.pooled().metrics().get("model").skill()).isCloseTo(expected, within(1e-12));
  }
}
