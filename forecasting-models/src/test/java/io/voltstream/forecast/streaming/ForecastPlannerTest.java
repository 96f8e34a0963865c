package io.voltstream.forecast.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.FeatureSpec;
import io.voltstream.forecast.features.Normalization;
import io.voltstream.forecast.features.PastView;
import io.voltstream.forecast.features.WeatherMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForecastPlannerTest {
  private static final HourlySeries TEN_DAYS =
      ForecastTestData.hourly(10, i -> 2.0 + (i % 24) / 10.0);
  private static final Instant ORIGIN = TEN_DAYS.end();

  /**
   * Two weeks of 1 kWh ± 20 % white noise: a model predicting the week's mean beats the persistence
   * ensemble (the mean of seven noisy values), so the production guard keeps it. On {@link
   * #TEN_DAYS} the ensemble is exact and the guard would rightly serve it instead.
   */
  private static final HourlySeries NOISY = noisyDays(14);

  private static HourlySeries noisyDays(int days) {
    var rnd = new java.util.Random(3);
    return ForecastTestData.hourly(days, i -> 1.0 + 0.2 * rnd.nextGaussian());
  }

  @Test
  void shouldUseTheModelWhenItsLagsAreAvailable() {
    var model = StubModels.constant(FeatureSpec.loadOnly(Normalization.LEVEL), "Wh", 1.0);

    ForecastBatch batch =
        ForecastPlanner.plan(
            "demo", ForecastTarget.CONSUMPTION, NOISY, NOISY.end(), 24, Optional.of(model));

    assertThat(batch.fallback()).isFalse();
    assertThat(batch.fallbackReason()).isNull();
    assertThat(batch.modelId()).isEqualTo("stub-model");
    assertThat(batch.guard().candidateModelId()).isEqualTo("stub-model");
    // a week of complete days with a week before each: scored, and the model is not worse
    assertThat(batch.guard().scoredHours()).isEqualTo(7 * 24);
    assertThat(batch.guard().skill())
        .isGreaterThan(io.voltstream.forecast.guard.ProductionGuard.LEAVE_MODEL_BELOW_SKILL);
    assertThat(batch.values()).hasSize(24);
    // prediction 1.0 × level, the level being the mean of the last week
    double level = new PastView(NOISY, NOISY.end()).meanBeforeOrigin(Duration.ofDays(7));
    assertThat(batch.values().get(0).valueKwh()).isCloseTo(level, within(1e-9));
    assertThat(batch.values().get(23).hour()).isEqualTo(NOISY.end().plus(Duration.ofHours(23)));
  }

  @Test
  void shouldFallBackToTheEnsembleWhenTheModelIsMissing() {
    ForecastBatch batch =
        ForecastPlanner.plan(
            "demo", ForecastTarget.CONSUMPTION, TEN_DAYS, ORIGIN, 24, Optional.empty());

    assertThat(batch.fallback()).isTrue();
    assertThat(batch.fallbackReason()).isEqualTo("model_missing");
    assertThat(batch.modelId()).isEqualTo("persistence_ensemble");
    assertThat(batch.values().get(5).valueKwh()).isCloseTo(2.5, within(1e-9));
  }

  @Test
  void shouldFallBackWhenHistoryIsShorterThanTheWeeklyLag() {
    HourlySeries threeDays = ForecastTestData.hourly(3, i -> 1.0);
    var model = StubModels.constant(FeatureSpec.loadOnly(Normalization.LEVEL), "Wh", 1.0);

    ForecastBatch batch =
        ForecastPlanner.plan(
            "demo", ForecastTarget.GENERATION, threeDays, threeDays.end(), 24, Optional.of(model));

    assertThat(batch.fallbackReason()).isEqualTo("history_short");
    assertThat(batch.values()).hasSize(24).allSatisfy(v -> assertThat(v.valueKwh()).isEqualTo(1.0));
  }

  @Test
  void shouldNotUseAModelThatNeedsWeatherOrTheWrongUnit() {
    var weather =
        StubModels.constant(
            new FeatureSpec(List.of("T_out"), WeatherMode.OBSERVED, Normalization.LEVEL), "kWh", 1);
    var wattHours = StubModels.constant(FeatureSpec.loadOnly(Normalization.NONE), "Wh", 1);
    var kiloWattHours = StubModels.constant(FeatureSpec.loadOnly(Normalization.NONE), "kWh", 1);
    // a kWh model predicting 1 kWh on a 1 kWh ± noise history: usable and kept by the guard

    assertThat(
            ForecastPlanner.plan(
                    "b", ForecastTarget.CONSUMPTION, TEN_DAYS, ORIGIN, 24, Optional.of(weather))
                .fallbackReason())
        .isEqualTo("model_needs_weather");
    assertThat(
            ForecastPlanner.plan(
                    "b", ForecastTarget.CONSUMPTION, TEN_DAYS, ORIGIN, 24, Optional.of(wattHours))
                .fallbackReason())
        .isEqualTo("model_unit_mismatch");
    assertThat(
            ForecastPlanner.plan(
                    "b",
                    ForecastTarget.CONSUMPTION,
                    NOISY,
                    NOISY.end(),
                    24,
                    Optional.of(kiloWattHours))
                .fallback())
        .isFalse();
  }

  @Test
  void shouldUseTheRecentMeanWithLessThanADayAndNothingWithoutHistory() {
    HourlySeries sixHours =
        HourlySeries.of(ForecastTestData.START, new double[] {1, 2, 3, 4, 5, 6});
    Instant origin = sixHours.end();

    ForecastBatch some =
        ForecastPlanner.plan(
            "b", ForecastTarget.CONSUMPTION, sixHours, origin, 3, Optional.empty());
    ForecastBatch none =
        ForecastPlanner.plan(
            "b",
            ForecastTarget.CONSUMPTION,
            HourlySeries.of(ForecastTestData.START, new double[0]),
            ForecastTestData.START,
            3,
            Optional.empty());

    assertThat(some.values())
        .extracting(ForecastBatch.HourValue::valueKwh)
        .containsExactly(3.5, 3.5, 3.5);
    assertThat(none.fallbackReason()).isEqualTo("no_history");
    assertThat(none.values()).isEmpty();
  }
}
