package io.voltstream.forecast.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.guard.ProductionGuard.Choice;
import io.voltstream.forecast.pv.ClearSkyPv;
import io.voltstream.forecast.pv.ClearSkyPvForecaster;
import io.voltstream.forecast.pv.PvSite;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The planner with a building's PV forecaster for generation (the fc-pv seam). */
class ForecastPlannerGenerationTest {
  private static final PvSite SITE = new PvSite(6, 0, 180, 50.85, 4.35);
  private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

  @Test
  void shouldServeThePvForecasterForGeneration() {
    HourlySeries history = clearSkyTimes(0.7, 30);
    Instant origin = history.end();

    ForecastBatch batch =
        ForecastPlanner.plan(
                "demo",
                null,
                ForecastTarget.GENERATION,
                history,
                origin,
                24,
                ForecastPlanner.Candidate.of(new ClearSkyPvForecaster(SITE)),
                Choice.MODEL)
            .batch();

    assertThat(batch.fallback()).isFalse();
    assertThat(batch.fallbackReason()).isNull();
    assertThat(batch.modelId()).isEqualTo("pv-clearsky");
    assertThat(batch.values()).hasSize(24);
    assertThat(batch.values().get(12).valueKwh())
        .isCloseTo(
            0.7 * new ClearSkyPv(SITE).hourKwh(origin.plus(Duration.ofHours(12))),
            org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void shouldFallBackWithHistoryShortWhenThePvForecasterCannotMeasureAnIndex() {
    HourlySeries nightOnly = HourlySeries.of(START, new double[6]);

    ForecastBatch batch =
        ForecastPlanner.plan(
                "demo",
                null,
                ForecastTarget.GENERATION,
                nightOnly,
                nightOnly.end(),
                24,
                ForecastPlanner.Candidate.of(new ClearSkyPvForecaster(SITE)),
                Choice.MODEL)
            .batch();

    assertThat(batch.fallback()).isTrue();
    assertThat(batch.fallbackReason()).isEqualTo("history_short");
    assertThat(batch.modelId()).isEqualTo(ForecastPlanner.FALLBACK_MODEL_ID);
  }

  private static HourlySeries clearSkyTimes(double index, int days) {
    ClearSkyPv clearSky = new ClearSkyPv(SITE);
    double[] v = new double[days * 24];
    for (int h = 0; h < v.length; h++) {
      v[h] = index * clearSky.hourKwh(START.plus(Duration.ofHours(h)));
    }
    return HourlySeries.of(START, v);
  }
}
