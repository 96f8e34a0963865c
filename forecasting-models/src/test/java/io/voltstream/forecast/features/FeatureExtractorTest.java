package io.voltstream.forecast.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.model.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
  private static final Instant ORIGIN =
      ForecastTestData.START.plus(Duration.ofDays(30)); // a Wednesday

  private static double feature(FeatureExtractor fx, FeatureVector fv, String name) {
    return fv.values()[fx.names().indexOf(name)];
  }

  @Test
  void shouldComputeCalendarAndLagsFromTheHourIndex() {
    HourlySeries series = ForecastTestData.indexSeries(40);
    var fx = new FeatureExtractor(FeatureSpec.loadOnly(Normalization.NONE));
    Instant target = ORIGIN.plus(Duration.ofHours(5));
    int t = series.indexOf(target);

    FeatureVector fv = fx.extract(new PastView(series, ORIGIN), target, CovariateOracle.NONE);

    assertThat(fv.level()).isEqualTo(1.0);
    assertThat(feature(fx, fv, "hour_of_day")).isEqualTo(5);
    assertThat(feature(fx, fv, "day_of_week"))
        .isEqualTo(target.atZone(java.time.ZoneOffset.UTC).getDayOfWeek().getValue());
    assertThat(feature(fx, fv, "lead_hours")).isEqualTo(5);
    assertThat(feature(fx, fv, "lag_24h")).isEqualTo(t - 24);
    assertThat(feature(fx, fv, "lag_168h")).isEqualTo(t - 168);
    assertThat(feature(fx, fv, "lag_336h")).isEqualTo(t - 336);
    // mean of t-24 … t-168 = t - 96
    assertThat(feature(fx, fv, "same_hour_mean_7d")).isEqualTo(t - 96);
    assertThat(feature(fx, fv, "same_hour_min_7d")).isEqualTo(t - 168);
    int o = series.indexOf(ORIGIN);
    assertThat(feature(fx, fv, "last_hour")).isEqualTo(o - 1);
    assertThat(feature(fx, fv, "mean_last_3h")).isEqualTo(o - 2);
    assertThat(feature(fx, fv, "mean_24h_before_origin")).isEqualTo(o - 12.5);
  }

  @Test
  void shouldDivideHistoryFeaturesByTheWeeklyLevelWhenNormalising() {
    HourlySeries series = ForecastTestData.hourly(40, i -> 50.0);
    var fx = new FeatureExtractor(FeatureSpec.loadOnly(Normalization.LEVEL));

    FeatureVector fv =
        fx.extract(
            new PastView(series, ORIGIN), ORIGIN.plus(Duration.ofHours(3)), CovariateOracle.NONE);

    assertThat(fv.level()).isEqualTo(50.0);
    assertThat(feature(fx, fv, "lag_24h")).isEqualTo(1.0);
    assertThat(feature(fx, fv, "same_hour_mean_28d")).isEqualTo(1.0);
    assertThat(fx.names()).doesNotContain("mean_168h_before_origin");
  }

  @Test
  void shouldLeaveOutTheNoisyFeaturesInTheCompactSetAndKeepTheOthersValues() {
    HourlySeries series = ForecastTestData.indexSeries(40);
    var full = new FeatureExtractor(FeatureSpec.loadOnly(Normalization.NONE));
    var compact =
        new FeatureExtractor(
            FeatureSpec.loadOnly(Normalization.NONE)
                .with(TargetTransform.NONE, FeatureSet.COMPACT));
    Instant target = ORIGIN.plus(Duration.ofHours(7));
    var past = new PastView(series, ORIGIN);

    FeatureVector all = full.extract(past, target, CovariateOracle.NONE);
    FeatureVector some = compact.extract(past, target, CovariateOracle.NONE);

    assertThat(compact.names())
        .doesNotContain(
            "lead_hours",
            "lag_48h",
            "lag_72h",
            "lag_336h",
            "same_hour_min_7d",
            "same_hour_max_7d",
            "same_hour_std_7d",
            "max_24h_before_origin",
            "last_hour",
            "mean_last_3h")
        .hasSize(full.names().size() - 10)
        .isSubsetOf(full.names());
    assertThat(some.values()).hasSize(compact.names().size());
    for (String name : compact.names()) {
      assertThat(feature(compact, some, name)).as(name).isEqualTo(feature(full, all, name));
    }
    assertThat(some.level()).isEqualTo(all.level());
  }

  @Test
  void shouldLabelAndForecastTheResidualToThePersistenceEnsembleInLevelUnits() {
    HourlySeries series = ForecastTestData.indexSeries(40);
    var fx =
        new FeatureExtractor(
            FeatureSpec.loadOnly(Normalization.LEVEL)
                .with(TargetTransform.RESIDUAL, FeatureSet.FULL));
    Instant target = ORIGIN.plus(Duration.ofHours(5));
    var past = new PastView(series, ORIGIN);

    FeatureVector fv = fx.extract(past, target, CovariateOracle.NONE);

    double ensemble = Baselines.persistenceEnsemble(past, target);
    assertThat(fv.base()).isCloseTo(ensemble / fv.level(), within(1e-12));
    assertThat(fv.base()).isEqualTo(feature(fx, fv, "same_hour_mean_7d"));
    double actual = series.target(target);
    assertThat(fv.label(actual)).isCloseTo((actual - ensemble) / fv.level(), within(1e-12));
    assertThat(fv.forecast(fv.label(actual))).isCloseTo(actual, within(1e-9));
    // a model that learnt nothing forecasts the persistence ensemble
    assertThat(fv.forecast(0.0)).isCloseTo(ensemble, within(1e-9));
  }

  @Test
  void shouldLabelTheNormalisedTargetItselfWithoutATransform() {
    HourlySeries series = ForecastTestData.hourly(40, i -> 50.0 + i % 24);
    var fx = new FeatureExtractor(FeatureSpec.loadOnly(Normalization.LEVEL));
    Instant target = ORIGIN.plus(Duration.ofHours(5));

    FeatureVector fv = fx.extract(new PastView(series, ORIGIN), target, CovariateOracle.NONE);

    assertThat(fv.base()).isZero();
    assertThat(fv.label(110.0)).isCloseTo(110.0 / fv.level(), within(1e-12));
    assertThat(fv.forecast(2.0)).isCloseTo(2.0 * fv.level(), within(1e-9));
  }

  @Test
  void shouldReadSpecsSavedBeforeTheTransformAndFeatureSetExistedAsNoneAndFull() throws Exception {
    FeatureSpec old =
        Json.MAPPER.readValue(
            "{\"weather_columns\":[],\"weather_mode\":\"NONE\",\"normalization\":\"LEVEL\"}",
            FeatureSpec.class);

    assertThat(old).isEqualTo(FeatureSpec.loadOnly(Normalization.LEVEL));
    assertThat(old.targetTransform()).isEqualTo(TargetTransform.NONE);
    assertThat(old.featureSet()).isEqualTo(FeatureSet.FULL);
    FeatureSpec spec =
        FeatureSpec.loadOnly(Normalization.NONE).with(TargetTransform.RESIDUAL, FeatureSet.COMPACT);
    assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(spec), FeatureSpec.class))
        .isEqualTo(spec);
  }

  @Test
  void shouldGiveMissingLagsAsNaNWhenHistoryIsShort() {
    HourlySeries series = ForecastTestData.indexSeries(3);
    Instant origin = ForecastTestData.START.plus(Duration.ofDays(2));
    var fx = new FeatureExtractor(FeatureSpec.loadOnly(Normalization.NONE));

    FeatureVector fv = fx.extract(new PastView(series, origin), origin, CovariateOracle.NONE);

    assertThat(feature(fx, fv, "lag_24h")).isEqualTo(24);
    assertThat(feature(fx, fv, "lag_168h")).isNaN();
  }

  /**
   * The leak test: replacing everything at and after the origin (target and weather) by garbage
   * must not change a single feature, for every lead and every feature set that claims honesty.
   */
  @Test
  void shouldNotUseAnyValueAtOrAfterTheOrigin() {
    HourlySeries series = ForecastTestData.withWeather(40);
    HourlySeries poisoned = series.overwriteFrom(ORIGIN, 1e9);
    for (FeatureSpec spec :
        List.of(
            FeatureSpec.loadOnly(Normalization.NONE),
            FeatureSpec.loadOnly(Normalization.LEVEL),
            FeatureSpec.loadOnly(Normalization.LEVEL)
                .with(TargetTransform.RESIDUAL, FeatureSet.COMPACT),
            new FeatureSpec(List.of("T_out"), WeatherMode.OBSERVED, Normalization.NONE))) {
      var fx = new FeatureExtractor(spec);
      for (int lead = 0; lead < 24; lead++) {
        Instant target = ORIGIN.plus(Duration.ofHours(lead));
        double[] clean =
            fx.extract(new PastView(series, ORIGIN), target, CovariateOracle.NONE).values();
        double[] dirty =
            fx.extract(new PastView(poisoned, ORIGIN), target, CovariateOracle.NONE).values();
        assertThat(dirty).as("%s lead %d", spec, lead).containsExactly(clean);
        assertThat(fx.extract(new PastView(poisoned, ORIGIN), target, CovariateOracle.NONE).base())
            .isEqualTo(
                fx.extract(new PastView(series, ORIGIN), target, CovariateOracle.NONE).base());
        assertThat(java.util.Arrays.stream(clean).anyMatch(Double::isFinite))
            .as("sanity: some features are present")
            .isTrue();
      }
    }
  }

  @Test
  void shouldTakeTargetDayWeatherOnlyFromTheForecastOracle() {
    HourlySeries series = ForecastTestData.withWeather(40);
    var fx =
        new FeatureExtractor(
            new FeatureSpec(List.of("T_out"), WeatherMode.PERFECT_FORECAST, Normalization.NONE));
    Instant target = ORIGIN.plus(Duration.ofHours(10));

    FeatureVector fv = fx.extract(new PastView(series, ORIGIN), target, (name, hour) -> 7.0);

    assertThat(feature(fx, fv, "T_out_at_target")).isEqualTo(7.0);
    assertThat(feature(fx, fv, "T_out_day_mean_at_target")).isEqualTo(7.0);
    assertThat(feature(fx, fv, "T_out_last")).isEqualTo(-(series.indexOf(ORIGIN) - 1));
  }

  @Test
  void shouldRefuseToReadTheFutureThroughThePastView() {
    var past = new PastView(ForecastTestData.indexSeries(10), ORIGIN);

    assertThatThrownBy(() -> past.target(ORIGIN)).isInstanceOf(FutureAccessException.class);
    assertThatThrownBy(() -> past.covariate("T_out", ORIGIN.plusSeconds(3600)))
        .isInstanceOf(FutureAccessException.class)
        .hasMessageContaining("forecast origin");
  }

  @Test
  void shouldRejectLeadsOfADayOrMore() {
    var fx = new FeatureExtractor(FeatureSpec.loadOnly(Normalization.NONE));
    var past = new PastView(ForecastTestData.indexSeries(10), ORIGIN);

    assertThatThrownBy(
            () -> fx.extract(past, ORIGIN.plus(Duration.ofHours(24)), CovariateOracle.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lead over 24 h");
  }
}
