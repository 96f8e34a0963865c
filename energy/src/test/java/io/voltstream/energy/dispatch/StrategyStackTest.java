package io.voltstream.energy.dispatch;

import static io.voltstream.energy.dispatch.TestContexts.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.PowerRange;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stacking: a higher strategy limits, a lower one optimises inside those limits. */
class StrategyStackTest {
  private final StrategyStack stacked =
      StrategyStack.of(
          new ReserveFloor(0),
          PeakShaving.limit(3000),
          new TimeOfUse(4000, 90),
          new SelfConsumption());

  @ParameterizedTest(name = "{0} local, net {1} W, SoC {2} % → {3} W by {4}, limited by {5}")
  @CsvSource({
    // local time, net load, SoC, setpoint, decided by, limited by (empty = not cut)
    // night: time of use charges, but peak shaving caps the import at 3 kW (charge ≤ 3000 − 400)
    "02:00,   400, 50, -2600, time_of_use, peak_shaving",
    "02:00,  2800, 50,  -200, time_of_use, peak_shaving",
    // night with a load above the threshold: peak shaving forces a discharge despite time of use
    "02:00,  4500, 50,  1500, time_of_use, peak_shaving",
    // evening: time of use covers the load
    "18:30,  1500, 50,  1500, time_of_use, ",
    // evening at the reserve: the reserve beats everything below it
    "18:30,  1500, 20,     0, time_of_use, reserve",
    // day: time of use holds the charge, self-consumption stores surplus inside that limit
    "10:00, -2000, 50, -2000, self_consumption, ",
    "10:00,  1500, 50,     0, self_consumption, time_of_use",
  })
  void higherPrioritiesLimitLowerOnesOptimise(
      String localTime,
      double netLoadW,
      double socPercent,
      double expectedW,
      String decidedBy,
      String limitedBy) {
    DispatchDecision d = stacked.decide(at(localTime, netLoadW, socPercent));
    assertThat(d.setpointW()).isCloseTo(expectedW, within(1e-6));
    assertThat(d.strategy()).isEqualTo(decidedBy);
    if (limitedBy == null) {
      assertThat(d.reason()).isNotBlank().doesNotContain("limited by");
    } else {
      assertThat(d.reason()).contains("limited by " + limitedBy);
    }
  }

  @Test
  void aLowerStrategyCannotBreakAHigherLimit() {
    DispatchStrategy greedyDischarge =
        new DispatchStrategy() {
          @Override
          public String name() {
            return "greedy";
          }

          @Override
          public Outcome apply(DispatchContext ctx, PowerRange allowed) {
            return new Outcome(PowerRange.point(99_999), "wants everything");
          }
        };
    DispatchDecision d =
        StrategyStack.of(new ReserveFloor(0), greedyDischarge).decide(at("18:30", 1000, 20));
    assertThat(d.setpointW()).isZero();
  }

  @Test
  void priorityOrderMatters() {
    Instant clock = Instant.parse("2026-04-13T15:30:00Z");
    DemandResponseOverride dr =
        new DemandResponseOverride("dr-1", clock.minusSeconds(60), clock.plusSeconds(600), 0);
    // DR above peak shaving: import target 0 W → discharge the whole 6 kW load as far as 5 kW
    // allow.
    assertThat(
            StrategyStack.of(dr, PeakShaving.limit(3000)).decide(at(clock, 6000, 50)).setpointW())
        .isEqualTo(5000);
    // A setpoint settles the decision: lower strategies are not asked.
    assertThat(StrategyStack.of(new SelfConsumption(), dr).decide(at(clock, 1200, 50)).strategy())
        .isEqualTo(SelfConsumption.NAME);
  }

  @Test
  void withoutAnyOpinionTheBatteryIdles() {
    DispatchDecision d = StrategyStack.of().decide(at("10:00", 1500, 50));
    assertThat(d.setpointW()).isZero();
    assertThat(d.strategy()).isEqualTo(StrategyStack.IDLE);
    assertThat(d.rangeW()).isEqualTo(new PowerRange(-5000, 5000));
  }
}
