package io.voltstream.jobs.dispatch.logic;

import static io.voltstream.jobs.dispatch.logic.DispatchTestData.BIG;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SMALL;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.T0;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.plan.Plan;
import io.voltstream.energy.plan.Planner;
import io.voltstream.energy.plan.PlannerConfig;
import io.voltstream.energy.tariff.Tariffs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplannerTest {
  private final Planner planner = new Planner(PlannerConfig.defaults());
  private final Map<String, BatteryReading> latest = Map.of(BIG.id(), at(50), SMALL.id(), at(50));

  private static ForecastBatch day(String target, double kwh) {
    double[] v = new double[24];
    java.util.Arrays.fill(v, kwh);
    return ForecastBatch.parse(DispatchTestData.forecastJson("demo", target, T0, v)).orElseThrow();
  }

  @Test
  void shouldPlanTheNext24HoursAtASlotBoundaryAndKeepThePlanInsideTheSlot() {
    Replanner.Result r =
        Replanner.refresh(
            planner,
            null,
            T0,
            List.of(BIG, SMALL),
            latest,
            Tariffs.defaultTariff(),
            0,
            day("consumption", 1.0),
            day("generation", 0.2));

    Plan plan = r.plan();
    assertThat(plan).isNotNull();
    assertThat(r.note()).isNull();
    assertThat(plan.start()).isEqualTo(T0);
    assertThat(plan.slots()).isEqualTo(96);

    Replanner.Result mid =
        Replanner.refresh(
            planner,
            plan,
            T0.plusSeconds(10),
            List.of(BIG, SMALL),
            latest,
            Tariffs.defaultTariff(),
            0,
            null,
            null);
    assertThat(mid.plan()).isSameAs(plan);
    assertThat(Replanner.needsReplan(plan, T0.plus(Duration.ofMinutes(15)), Duration.ofMinutes(15)))
        .isTrue();
  }

  @Test
  void shouldHaveNoPlanAndSaySoWithoutAForecast() {
    Replanner.Result r =
        Replanner.refresh(
            planner,
            null,
            T0.plusSeconds(20),
            List.of(BIG),
            latest,
            Tariffs.defaultTariff(),
            0,
            null,
            day("generation", 0.2));

    assertThat(r.plan()).isNull();
    assertThat(r.note()).isEqualTo(Replanner.NO_FORECAST);
  }
}
