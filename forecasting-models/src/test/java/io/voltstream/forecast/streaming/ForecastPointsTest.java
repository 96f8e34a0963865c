package io.voltstream.forecast.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.forecast.probabilistic.LeadBand;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastPointsTest {
  private static final Instant ORIGIN = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void shouldWriteOnePointPerHourAtTheForecastHour() {
    var batch =
        new ForecastBatch(
            "demo",
            ForecastTarget.CONSUMPTION,
            ORIGIN,
            "consumption-xgboost-1",
            false,
            null,
            List.of(new ForecastBatch.HourValue(ORIGIN.plusSeconds(3600), 1.25)));

    assertThat(ForecastPoints.forecasts(batch))
        .containsExactly(
            "forecasts,building=demo,fallback=false,lead=1,model_id=consumption-xgboost-1,target=consumption"
                + " issued_at="
                + ORIGIN.toEpochMilli()
                + "i,lead_hours=1i,value_kwh=1.25 "
                + ORIGIN.plusSeconds(3600).toEpochMilli());
  }

  @Test
  void shouldStateTheFallbackReasonAndEscapeTags() {
    var batch =
        new ForecastBatch(
            "main site",
            ForecastTarget.GENERATION,
            ORIGIN,
            "persistence_ensemble",
            true,
            "model_missing",
            List.of(new ForecastBatch.HourValue(ORIGIN, 0.5)));

    assertThat(ForecastPoints.forecasts(batch).get(0))
        .startsWith(
            "forecasts,building=main\\"
                + " site,fallback=true,lead=0,model_id=persistence_ensemble,target=generation ")
        .contains("fallback_reason=\"model_missing\"");
  }

  @Test
  void shouldLeaveUndefinedSkillOutOfTheAccuracyPoint() {
    var report =
        new AccuracyReport(
            "demo",
            ForecastTarget.CONSUMPTION,
            LeadBand.DAY_AHEAD,
            ORIGIN,
            168,
            10,
            12.5,
            Double.NaN,
            0.1,
            0.2,
            0);

    assertThat(ForecastPoints.accuracy(report))
        .isEqualTo(
            "forecast_accuracy,building=demo,lead_band=day_ahead,target=consumption"
                + " baseline_rmse_kwh=0.0,hours=10i,mae_kwh=0.1,nrmse_percent=12.5,rmse_kwh=0.2,window_hours=168i"
                + " "
                + ORIGIN.toEpochMilli());
  }

  @Test
  void shouldWriteQuantilesRoomAndTheGuardsScore() {
    var batch =
        new ForecastBatch(
            "demo",
            "kitchen",
            ForecastTarget.CONSUMPTION,
            ORIGIN,
            "persistence_ensemble",
            true,
            "guard_baseline_better",
            new ForecastBatch.Guard("consumption-xgboost-1", -0.25, 168),
            List.of(new ForecastBatch.HourValue(ORIGIN.plusSeconds(7200), 1.0, 0.5, 2.0)));

    assertThat(ForecastPoints.forecasts(batch))
        .containsExactly(
            "forecasts,building=demo,fallback=true,lead=2,model_id=persistence_ensemble,room=kitchen,target=consumption"
                + " candidate_model_id=\"consumption-xgboost-1\",fallback_reason=\"guard_baseline_better\","
                + "guard_hours=168i,guard_skill=-0.25,issued_at="
                + ORIGIN.toEpochMilli()
                + "i,lead_hours=2i,p10_kwh=0.5,p90_kwh=2.0,value_kwh=1.0 "
                + ORIGIN.plusSeconds(7200).toEpochMilli());
  }
}
