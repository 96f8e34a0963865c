package io.voltstream.energy.dispatch;

import static io.voltstream.energy.dispatch.TestContexts.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanTrackingTest {
  private static final Instant START = Instant.parse("2026-04-13T16:00:00Z");
  // Slot 0: discharge 1 kW, import 500 W planned. Slot 1: grid-charge 2 kW, import 2.3 kW. Slot 2:
  // store 1 kW of
  // surplus, export 500 W.
  private final Plan plan =
      new Plan(
          START,
          Duration.ofMinutes(15),
          List.of(1000.0, -2000.0, -1000.0),
          List.of(500.0, 2300.0, -500.0),
          List.of(47.0, 52.0, 55.0),
          2300.0,
          1.0);

  @ParameterizedTest(name = "+{0} s, net {1} W → {2} W")
  @CsvSource({
    "   0, 1500,  1000", // as forecast: planned power
    "  60, 2500,  2000", // more load than forecast: the battery keeps the import at 500 W
    "  60,  300,   300", // less load: never discharge into export beyond the plan
    " 900,  300, -2000", // grid charging: the planned 2 kW, not the 2 kW + forecast error
    " 900, 1000, -1300", // load higher than forecast while charging: keep the import target
    "1800, -2500, -2000", // more surplus than forecast: store it (import target −500 W)
    "1800, -200,  -200", // less surplus: store what there is, do not import to charge
    "2700, 1500,  1500", // after the plan: no opinion, self-consumption below decides
  })
  void tracksThePlannedImportWithinTheRangeThePlanItselfJustifies(
      long secondsAfterStart, double netLoadW, double expectedW) {
    DispatchContext ctx = at(START.plusSeconds(secondsAfterStart), netLoadW, 50).withPlan(plan);
    double setpoint =
        StrategyStack.of(new PlanTracking(), new SelfConsumption()).decide(ctx).setpointW();
    assertThat(setpoint).isCloseTo(expectedW, within(1e-6));
  }

  @ParameterizedTest(name = "+{0} s, net {1} W, position {2} kWh → {3} W")
  @CsvSource({
    "  0, 1500,  -0.5, 3000", // sold 0.5 kWh (2 kW): the planned 1 kW discharge + 2 kW delivered
    "  0, 5000,   1.0,  500", // bought 1 kWh (4 kW): import 500 W planned + 4 kW bought
    "  0, 1500,   0.0, 1000", // no trades: the plan alone
    "900, 1000,  -0.25, -300", // grid charging planned: charge 1 kW less to deliver the sale
  })
  void followsThePlanAroundTheMarketPosition(
      long secondsAfterStart, double netLoadW, double positionKwh, double expectedW) {
    DispatchContext ctx =
        at(START.plusSeconds(secondsAfterStart), netLoadW, 50)
            .withPlan(plan)
            .withMarketPositionKwh(positionKwh);
    double setpoint =
        StrategyStack.of(new PlanTracking(), new SelfConsumption()).decide(ctx).setpointW();
    assertThat(setpoint).isCloseTo(expectedW, within(1e-6));
  }
}
