package io.voltstream.energy.dispatch;

import static io.voltstream.energy.dispatch.TestContexts.WEEKDAY_10H;
import static io.voltstream.energy.dispatch.TestContexts.at;
import static io.voltstream.energy.dispatch.TestContexts.setpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Self-consumption targeting the building's market position instead of 0 W grid exchange. */
class SelfConsumptionMarketTest {

  @ParameterizedTest(name = "net {0} W, position {1} kWh, SoC {2} % → {3} W")
  @CsvSource({
    "  500, -1,   50,  4500", // sold 1 kWh: 4 kW more than the net load
    "-1000, -1,   50,  3000", // sold 1 kWh with a PV surplus: discharge the rest of the sale
    " 3000, -1,   50,  5000", // limited by the rating
    " 3000, -0.5, 50,  5000", // sold 0.5 kWh = 2 kW
    " 5000,  1,   50,  1000", // bought 1 kWh: the battery covers only the rest
    " 1200,  1,   50, -2800", // bought more than the load: the purchase charges the battery
    " 1200,  0,   50,  1200", // no trades: as before
  })
  void targetsThePosition(
      double netLoadW, double positionKwh, double socPercent, double expectedW) {
    DispatchContext ctx = at(WEEKDAY_10H, netLoadW, socPercent).withMarketPositionKwh(positionKwh);
    assertThat(setpoint(new SelfConsumption(), ctx)).isCloseTo(expectedW, within(1e-6));
  }

  @Test
  void aPositionIsSpreadOverTheFifteenMinuteSlot() {
    assertThat(at(WEEKDAY_10H, 0, 50).withMarketPositionKwh(-1.2).marketPositionW())
        .isCloseTo(-4800, within(1e-9));
  }

  @Test
  void theReasonNamesTheSale() {
    DispatchDecision d =
        StrategyStack.of(new SelfConsumption())
            .decide(at(WEEKDAY_10H, 500, 50).withMarketPositionKwh(-1.2));
    assertThat(d.reason()).startsWith("delivering 1.20 kWh sold in the market");
  }

  @Test
  void withoutTradesTheReasonIsUnchanged() {
    assertThat(
            StrategyStack.of(new SelfConsumption())
                .decide(at(WEEKDAY_10H, 1200, 50).withMarketPositionKwh(0))
                .reason())
        .isEqualTo("covering net load 1200 W");
  }

  @Test
  void theReserveFloorStillLimitsASeller() {
    DispatchDecision d =
        StrategyStack.of(new ReserveFloor(0), new SelfConsumption())
            .decide(at(WEEKDAY_10H, 500, 20).withMarketPositionKwh(-1));
    assertThat(d.setpointW()).isCloseTo(0, within(1e-6));
  }
}
