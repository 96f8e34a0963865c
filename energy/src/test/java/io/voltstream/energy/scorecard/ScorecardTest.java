package io.voltstream.energy.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.plan.PlannerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A one-day scorecard on the synthetic house: the invariants every scorecard must keep. */
class ScorecardTest {
  private static Scorecard.Result result;

  @BeforeAll
  static void runOneDay() {
    result =
        Scorecard.run(
            SyntheticScenarios.house(5, 8, 1),
            SyntheticScenarios.previousDay(),
            PlannerConfig.defaults());
  }

  @Test
  void everyStrategyHasARowInOrder() {
    assertThat(result.strategies().keySet()).containsExactlyElementsOf(Scorecard.STRATEGIES);
  }

  @Test
  void perfectForesightIsTheCheapest() {
    double perfect = result.strategies().get(Scorecard.PERFECT_FORESIGHT).costEur();
    result
        .strategies()
        .forEach(
            (name, score) -> assertThat(perfect).as(name).isLessThanOrEqualTo(score.costEur()));
    assertThat(perfect).isLessThan(result.strategies().get(Scorecard.NONE).costEur());
  }

  @Test
  void noStrategyViolatesTheSocBounds() {
    result
        .strategies()
        .forEach((name, score) -> assertThat(score.socViolations()).as(name).isZero());
    assertThat(result.goals().violationsMet()).isTrue();
  }

  @Test
  void withoutABatteryNothingCyclesAndEveryStrategyUsesIt() {
    assertThat(result.strategies().get(Scorecard.NONE).cycles()).isZero();
    assertThat(result.strategies().get(Scorecard.NONE).endSocPercent()).isEqualTo(50.0);
    result
        .strategies()
        .forEach(
            (name, score) -> {
              if (!name.equals(Scorecard.NONE)) {
                assertThat(score.cycles()).as(name).isPositive();
              }
            });
  }

  @Test
  void selfConsumptionRaisesTheShareOfPvUsedOnSite() {
    assertThat(result.strategies().get(Scorecard.SELF_CONSUMPTION).selfConsumptionPct())
        .isGreaterThan(result.strategies().get(Scorecard.NONE).selfConsumptionPct() + 10);
  }

  @Test
  void thePlannerRePlannedEveryQuarterHour() {
    assertThat(result.meanReplanTime()).isPositive();
  }
}
