package io.voltstream.forecast.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.evaluation.EvaluationReport;
import io.voltstream.forecast.evaluation.WalkForwardEvaluator;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.features.FeatureExtractor;
import io.voltstream.forecast.features.FeatureSpec;
import io.voltstream.forecast.features.Normalization;
import io.voltstream.forecast.features.PastView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small real training run per algorithm (XGBoost's native library loads from its jar). */
class TribuoFitterTest {
  private static final FeatureExtractor FX =
      new FeatureExtractor(FeatureSpec.loadOnly(Normalization.LEVEL));

  @Test
  void shouldTrainXgboostThatBeatsPersistenceOnARegularWeeklyPattern(@TempDir Path dir)
      throws Exception {
    // A weekly pattern: previous-week persistence is exact, the 7-day ensemble smears weekends.
    HourlySeries series = ForecastTestData.dailyShape(42, 2.0);
    Instant split = series.start().plus(Duration.ofDays(35));
    var set =
        TrainingSet.build(
            FX, series, series.start(), split, Duration.ofDays(1), CovariateOracle.NONE);
    var result =
        new ModelTrainingService(new TribuoFitter(TribuoFitter.Algorithm.XGBOOST, 50, "synthetic"))
            .train(set);
    assertThat(result).isInstanceOf(TrainingResult.Trained.class);
    FittedRegressor regressor = ((TrainingResult.Trained) result).regressor();

    List<Forecaster> forecasters =
        new ArrayList<>(
            List.of(new ModelForecaster("xgboost", FX, regressor, CovariateOracle.NONE)));
    forecasters.addAll(Baselines.all());
    EvaluationReport report =
        WalkForwardEvaluator.evaluate(series, split, series.end(), 24, forecasters, d -> {});
    assertThat(report.metrics().get("xgboost").skill()).isGreaterThan(0.2);

    // Saved in Tribuo's format with metadata, loaded back: same predictions.
    var metadata =
        new ModelMetadata(
            "m-1",
            "xgboost",
            50,
            List.of("kwh"),
            "kWh",
            FX.spec(),
            FX.names(),
            series.start(),
            split,
            24,
            1.0,
            set.size(),
            Map.of(),
            Instant.EPOCH,
            regressor.provenance());
    ModelStore.save(dir, "consumption", regressor, metadata);
    ModelStore.Stored loaded = ModelStore.load(dir, "consumption");
    assertThat(loaded.metadata()).isEqualTo(metadata);
    assertThat(loaded.metadata().provenance()).contains("XGBoostRegressionTrainer");
    double[] row = set.x()[0];
    assertThat(loaded.regressor().predict(row)).isCloseTo(regressor.predict(row), within(1e-9));
    assertThat(loaded.regressor().predictAll(new double[][] {row, row})).hasSize(2);
  }

  @Test
  void shouldTrainTheCheapAlternatives() {
    HourlySeries series = ForecastTestData.dailyShape(20, 1.0);
    var set =
        TrainingSet.build(
            FX, series, series.start(), series.end(), Duration.ofDays(1), CovariateOracle.NONE);
    for (TribuoFitter.Algorithm algorithm :
        List.of(TribuoFitter.Algorithm.LINEAR_SGD, TribuoFitter.Algorithm.CART)) {
      var result = new ModelTrainingService(new TribuoFitter(algorithm, 1, "synthetic")).train(set);
      assertThat(result).as(algorithm.id()).isInstanceOf(TrainingResult.Trained.class);
      var forecaster =
          new ModelForecaster(
              algorithm.id(),
              FX,
              ((TrainingResult.Trained) result).regressor(),
              CovariateOracle.NONE);
      Instant origin = series.end().minus(Duration.ofDays(1));
      double[] f =
          forecaster.forecast(
              new PastView(series, origin), List.of(origin, origin.plusSeconds(3600)));
      assertThat(java.util.Arrays.stream(f).allMatch(v -> Double.isFinite(v) && v >= 0))
          .as(algorithm.id())
          .isTrue();
    }
  }

  @Test
  void shouldAverageABagOfSeedsIntoOneModelThatSavesAndLoads(@TempDir Path dir) throws Exception {
    HourlySeries series = ForecastTestData.dailyShape(20, 1.0);
    var set =
        TrainingSet.build(
            FX, series, series.start(), series.end(), Duration.ofDays(1), CovariateOracle.NONE);
    BoostingParams one = TribuoFitter.DEFAULT_BOOSTING;
    BoostingParams two =
        new BoostingParams(
            one.objective(),
            one.maxDepth(),
            one.eta(),
            one.minChildWeight(),
            one.lambda(),
            0.5,
            0.5,
            2);
    FittedRegressor seed42 =
        new TribuoFitter(
                TribuoFitter.Algorithm.XGBOOST,
                10,
                new BoostingParams(
                    one.objective(),
                    one.maxDepth(),
                    one.eta(),
                    one.minChildWeight(),
                    one.lambda(),
                    0.5,
                    0.5,
                    1),
                "synthetic")
            .fit(set.featureNames(), set.x(), set.y());
    FittedRegressor bag =
        new TribuoFitter(TribuoFitter.Algorithm.XGBOOST, 10, two, "synthetic")
            .fit(set.featureNames(), set.x(), set.y());
    double[] row = set.x()[5];

    assertThat(bag.provenance()).contains("WeightedEnsembleModel", "seed=42", "seed=43");
    // seed 42 alone differs from the average of seeds 42 and 43 (row/column sampling differs)
    assertThat(bag.predict(row)).isNotCloseTo(seed42.predict(row), within(1e-9));
    bag.save(dir.resolve("bag.model"));
    FittedRegressor loaded = TribuoRegressor.load(dir.resolve("bag.model"), set.featureNames());
    assertThat(loaded.predict(row)).isCloseTo(bag.predict(row), within(1e-9));
  }

  @Test
  void shouldTrainEveryObjective() {
    HourlySeries series = ForecastTestData.dailyShape(20, 1.0);
    var set =
        TrainingSet.build(
            FX, series, series.start(), series.end(), Duration.ofDays(1), CovariateOracle.NONE);
    BoostingParams d = TribuoFitter.DEFAULT_BOOSTING;
    for (BoostingParams.Objective objective : BoostingParams.Objective.values()) {
      var params =
          new BoostingParams(
              objective, d.maxDepth(), d.eta(), d.minChildWeight(), d.lambda(), 0.8, 0.8, 1);
      FittedRegressor r =
          new TribuoFitter(TribuoFitter.Algorithm.XGBOOST, 10, params, "synthetic")
              .fit(set.featureNames(), set.x(), set.y());
      assertThat(r.predict(set.x()[5])).as(objective.id()).isFinite().isPositive();
    }
  }
}
