package io.voltstream.forecast.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.features.FeatureExtractor;
import io.voltstream.forecast.features.FeatureSet;
import io.voltstream.forecast.features.FeatureSpec;
import io.voltstream.forecast.features.Normalization;
import io.voltstream.forecast.features.TargetTransform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelTrainingServiceTest {
  private static final FeatureExtractor FX =
      new FeatureExtractor(FeatureSpec.loadOnly(Normalization.NONE));

  /** Counts fits and returns a constant model: the library is not under test here. */
  private static class StubFitter implements RegressorFitter {
    final AtomicInteger fits = new AtomicInteger();
    int lastRows;

    @Override
    public String algorithm() {
      return "stub";
    }

    @Override
    public FittedRegressor fit(List<String> names, double[][] x, double[] y) {
      fits.incrementAndGet();
      lastRows = x.length;
      return new FittedRegressor() {
        @Override
        public List<String> featureNames() {
          return names;
        }

        @Override
        public double predict(double[] features) {
          return 1.0;
        }

        @Override
        public void save(Path file) {}

        @Override
        public String provenance() {
          return "stub";
        }
      };
    }
  }

  private static TrainingSet set(HourlySeries s, Duration stride) {
    return TrainingSet.build(FX, s, s.start(), s.end(), stride, CovariateOracle.NONE);
  }

  @Test
  void shouldBuildSamplesOnlyWhereTheWeeklyLagExists() {
    HourlySeries s = ForecastTestData.dailyShape(10, 1.0);

    TrainingSet daily = set(s, Duration.ofDays(1));
    TrainingSet hourly = set(s, Duration.ofHours(1));

    // days 7, 8, 9 have lag_168h: 3 × 24 samples from midnights
    assertThat(daily.size()).isEqualTo(72);
    assertThat(daily.skipped()).isEqualTo(7 * 24);
    assertThat(hourly.size()).isGreaterThan(daily.size() * 10);
    assertThat(daily.x()[0]).hasSize(FX.names().size());
  }

  @Test
  void shouldLabelResidualsToThePersistenceEnsembleWhenTheSpecAsksForThem() {
    HourlySeries s = ForecastTestData.dailyShape(10, 1.0);
    var residual =
        new FeatureExtractor(
            FeatureSpec.loadOnly(Normalization.NONE)
                .with(TargetTransform.RESIDUAL, FeatureSet.COMPACT));

    TrainingSet plain = set(s, Duration.ofDays(1));
    TrainingSet corrections =
        TrainingSet.build(
            residual, s, s.start(), s.end(), Duration.ofDays(1), CovariateOracle.NONE);

    assertThat(corrections.size()).isEqualTo(plain.size());
    assertThat(corrections.x()[0]).hasSize(residual.names().size());
    int ensemble = residual.names().indexOf("same_hour_mean_7d");
    for (int r = 0; r < corrections.size(); r++) {
      assertThat(corrections.y()[r])
          .isCloseTo(plain.y()[r] - corrections.x()[r][ensemble], within(1e-12));
    }
  }

  @Test
  void shouldFailWithTooFewSamplesWhenHistoryIsUnderEightDays() {
    var fitter = new StubFitter();

    TrainingResult r =
        new ModelTrainingService(fitter)
            .train(set(ForecastTestData.dailyShape(7, 1.0), Duration.ofDays(1)));

    assertThat(r)
        .isInstanceOfSatisfying(
            TrainingResult.Failed.class,
            f -> assertThat(f.error()).isEqualTo(TrainingError.TOO_FEW_SAMPLES));
    assertThat(fitter.fits).hasValue(0);
  }

  @Test
  void shouldFailOnAConstantTarget() {
    TrainingResult r =
        new ModelTrainingService(new StubFitter())
            .train(set(ForecastTestData.hourly(12, i -> 5.0), Duration.ofDays(1)));

    assertThat(r)
        .isInstanceOfSatisfying(
            TrainingResult.Failed.class,
            f -> assertThat(f.error()).isEqualTo(TrainingError.CONSTANT_TARGET));
  }

  @Test
  void shouldReportNoDataForAnEmptyRange() {
    HourlySeries s = ForecastTestData.dailyShape(10, 1.0);
    var empty =
        TrainingSet.build(FX, s, s.end(), s.end(), Duration.ofDays(1), CovariateOracle.NONE);

    assertThat(new ModelTrainingService(new StubFitter()).train(empty))
        .isEqualTo(
            new TrainingResult.Failed(
                TrainingError.NO_DATA_IN_RANGE, "no hours in the training range"));
  }

  @Test
  void shouldTurnALibraryExceptionIntoFitFailed() {
    RegressorFitter broken =
        new StubFitter() {
          @Override
          public FittedRegressor fit(List<String> names, double[][] x, double[] y) {
            throw new IllegalStateException("native library missing");
          }
        };

    TrainingResult r =
        new ModelTrainingService(broken)
            .train(set(ForecastTestData.dailyShape(10, 1.0), Duration.ofDays(1)));

    assertThat(r)
        .isEqualTo(new TrainingResult.Failed(TrainingError.FIT_FAILED, "native library missing"));
  }

  @Test
  void shouldHandEveryUsableSampleToTheFitter() {
    var fitter = new StubFitter();

    TrainingResult r =
        new ModelTrainingService(fitter)
            .train(set(ForecastTestData.dailyShape(10, 1.0), Duration.ofDays(1)));

    assertThat(r)
        .isInstanceOfSatisfying(
            TrainingResult.Trained.class, t -> assertThat(t.samples()).isEqualTo(72));
    assertThat(fitter.lastRows).isEqualTo(72);
  }
}
