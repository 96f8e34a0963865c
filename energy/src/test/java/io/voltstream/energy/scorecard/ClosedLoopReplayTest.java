package io.voltstream.energy.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.PowerRange;
import io.voltstream.energy.dispatch.DispatchDecision;
import io.voltstream.energy.dispatch.SelfConsumption;
import io.voltstream.energy.dispatch.StrategyStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedLoopReplayTest {
  private final ReplayScenario scenario = SyntheticScenarios.house(3, 1, 1);

  @Test
  void energyIsConservedThroughTheBattery() {
    StrategyScore none = ClosedLoopReplay.run(scenario, idle());
    StrategyScore sc =
        ClosedLoopReplay.run(
            scenario, (ctx, past) -> StrategyStack.of(new SelfConsumption()).decide(ctx));
    // Net grid energy moves by what the battery delivered minus what it took in; the difference is
    // the round-trip loss plus the change of stored energy.
    double netNone = none.importKwh() - none.exportKwh();
    double netSc = sc.importKwh() - sc.exportKwh();
    double storedChangeKwh = 8 * (sc.endSocPercent() - 50) / 100;
    assertThat(netSc - netNone).isGreaterThan(storedChangeKwh);
    assertThat(sc.importKwh()).isLessThan(none.importKwh());
  }

  @Test
  void theControllerSeesOnlyThePast() {
    List<Instant> decided = new ArrayList<>();
    ClosedLoopReplay.run(
        scenario,
        (ctx, past) -> {
          decided.add(ctx.at());
          assertThat(past.origin()).isEqualTo(ctx.at());
          assertThatThrownBy(() -> past.meanConsumptionW(ctx.at(), ctx.at().plusSeconds(60)))
              .isInstanceOf(IllegalStateException.class);
          return idle().decide(ctx, past);
        });
    assertThat(decided).hasSize(1440);
    assertThat(decided.get(0)).isEqualTo(scenario.scoredFrom());
  }

  @Test
  void pastObservationsAverageTheHistory() {
    PastObservations past = new PastObservations(scenario.series(), scenario.scoredFrom());
    Instant from = scenario.scoredFrom().minus(Duration.ofMinutes(2));
    double expected =
        (scenario.series().consumptionW(1438) + scenario.series().consumptionW(1439)) / 2;
    assertThat(past.meanConsumptionW(from, scenario.scoredFrom()))
        .isCloseTo(expected, within(1e-9));
    assertThat(past.meanGenerationW(from.minus(Duration.ofDays(5)), from.minus(Duration.ofDays(4))))
        .isNaN();
  }

  @Test
  void aSetpointBeyondTheSocBoundsCountsAsAViolation() {
    StrategyScore greedy =
        ClosedLoopReplay.run(
            scenario,
            (ctx, past) ->
                new DispatchDecision(
                    ctx.at(), 4000, "greedy", "ignores limits", PowerRange.point(4000)));
    assertThat(greedy.socViolations()).isPositive();
  }

  private static ReplayController idle() {
    return (ctx, past) -> new DispatchDecision(ctx.at(), 0, "none", "idle", PowerRange.point(0));
  }
}
