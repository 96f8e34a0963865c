package io.voltstream.forecast.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.ShiftingRoutine;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.guard.ProductionGuard.Choice;
import io.voltstream.forecast.streaming.ForecastBatch;
import io.voltstream.forecast.streaming.ForecastPlanner;
import io.voltstream.forecast.streaming.ForecastTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays a shift in behaviour ({@link ShiftingRoutine}) through the planner, one run per day with
 * the guard's choice carried over. The service must serve the model, switch to the persistence
 * ensemble after the shift, and switch back after the return, once each way.
 */
class GuardReplayTest {
  private static final int SHIFT_DAY = ShiftingRoutine.SHIFT_DAY;
  private static final int RETURN_DAY = ShiftingRoutine.RETURN_DAY;
  private static final int DAYS = ShiftingRoutine.DAYS;
  private static final HourlySeries HISTORY = ShiftingRoutine.history(ForecastTestData.START);
  private static final Forecaster MODEL = ShiftingRoutine.MODEL;

  private static ForecastPlanner.Plan planAtMidnightOf(int day, Choice previous) {
    return ForecastPlanner.plan(
        "b1",
        null,
        ForecastTarget.CONSUMPTION,
        HISTORY,
        ForecastTestData.START.plus(Duration.ofDays(day)),
        24,
        ForecastPlanner.Candidate.of(MODEL),
        previous);
  }

  @Test
  void shouldSwitchToTheBaselineAfterTheShiftAndBackAfterTheReturn() {
    Choice choice = Choice.MODEL;
    List<Integer> switchDays = new ArrayList<>();
    List<ForecastBatch> batches = new ArrayList<>();
    for (int day = 14; day < DAYS; day++) {
      ForecastPlanner.Plan plan = planAtMidnightOf(day, choice);
      if (plan.choice() != choice) {
        switchDays.add(day);
      }
      choice = plan.choice();
      batches.add(plan.batch());
    }

    // The first shifted days fool the ensemble as much as the model (both expect the old
    // routine); the guard switches once the ensemble has caught up and is measurably better, and
    // back once the model is measurably better again: within a week each way, once each way.
    assertThat(switchDays).as("days the choice changed").hasSize(2);
    assertThat(switchDays.get(0)).isBetween(SHIFT_DAY + 1, SHIFT_DAY + 7);
    assertThat(switchDays.get(1)).isBetween(RETURN_DAY + 1, RETURN_DAY + 7);

    ForecastBatch before = batches.get(SHIFT_DAY - 1 - 14);
    assertThat(before.modelId()).isEqualTo("routine-model");
    assertThat(before.fallback()).isFalse();
    assertThat(before.guard().skill()).isGreaterThan(ProductionGuard.RETURN_TO_MODEL_FROM_SKILL);
    assertThat(before.guard().scoredHours()).isEqualTo(7 * 24);

    ForecastBatch during = batches.get(switchDays.get(0) - 14);
    assertThat(during.modelId()).isEqualTo(ForecastPlanner.FALLBACK_MODEL_ID);
    assertThat(during.fallback()).isTrue();
    assertThat(during.fallbackReason()).isEqualTo(ProductionGuard.BASELINE_BETTER);
    assertThat(during.guard().candidateModelId()).isEqualTo("routine-model");
    assertThat(during.guard().skill()).isLessThan(ProductionGuard.LEAVE_MODEL_BELOW_SKILL);

    ForecastBatch after = batches.get(switchDays.get(1) - 14);
    assertThat(after.modelId()).isEqualTo("routine-model");
    assertThat(after.fallbackReason()).isNull();
    assertThat(batches.get(batches.size() - 1).fallback()).isFalse();
  }

  @Test
  void shouldServeQuantilesFromTheServedForecastersErrors() {
    ForecastBatch batch = planAtMidnightOf(SHIFT_DAY - 1, Choice.MODEL).batch();

    assertThat(batch.values())
        .hasSize(24)
        .allSatisfy(
            v -> {
              assertThat(v.p10Kwh()).isNotNull().isLessThan(v.valueKwh());
              assertThat(v.p90Kwh()).isNotNull().isGreaterThan(v.valueKwh());
            });
    // 10 % multiplicative noise: the 80 % interval is about ±13 % of the level (1.28 σ)
    var v = batch.values().get(20);
    assertThat((v.p90Kwh() - v.p10Kwh()) / v.valueKwh()).isBetween(0.18, 0.34);
  }
}
