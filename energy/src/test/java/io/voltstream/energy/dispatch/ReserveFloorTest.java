package io.voltstream.energy.dispatch;

import static io.voltstream.energy.dispatch.TestContexts.WEEKDAY_10H;
import static io.voltstream.energy.dispatch.TestContexts.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReserveFloorTest {
  @ParameterizedTest(name = "net {0} W, SoC {1} %, recharge {2} W → {3} W")
  @CsvSource({
    // reserve 20 %: self-consumption below the reserve floor
    "1500, 50,    0,  1500", // well above: no effect
    "1500, 20,    0,     0", // at the reserve: no discharge
    "1500, 15,  800,  -800", // below: recharge from the grid
    "-3000, 15, 800, -3000", // below with surplus: store more than the minimum recharge
    "1500, 15,    0,     0", // below without recharge: only block discharge
  })
  void scenario(double netLoadW, double socPercent, double rechargeW, double expectedW) {
    StrategyStack stack = StrategyStack.of(new ReserveFloor(rechargeW), new SelfConsumption());
    assertThat(stack.decide(at(WEEKDAY_10H, netLoadW, socPercent)).setpointW())
        .isCloseTo(expectedW, within(1e-6));
  }

  @ParameterizedTest(name = "SoC {0} % → at most {1} W")
  @CsvSource({"20.01, 341.5", "20.0, 0"})
  void dischargeShrinksToLandOnTheReserve(double socPercent, double maxW) {
    // 0.01 % of 10 kWh = 1 Wh over 10 s is 360 W from the cells, × √0.9 on the AC side.
    DispatchDecision d =
        StrategyStack.of(new ReserveFloor(0), new SelfConsumption())
            .decide(at(WEEKDAY_10H, 3000, socPercent));
    assertThat(d.setpointW()).isCloseTo(maxW, within(0.1));
  }
}
