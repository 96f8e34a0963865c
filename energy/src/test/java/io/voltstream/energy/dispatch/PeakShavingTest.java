package io.voltstream.energy.dispatch;

import static io.voltstream.energy.dispatch.TestContexts.WEEKDAY_10H;
import static io.voltstream.energy.dispatch.TestContexts.at;
import static io.voltstream.energy.dispatch.TestContexts.setpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeakShavingTest {
  private final PeakShaving rule = new PeakShaving(3000, 2000);

  @ParameterizedTest(name = "net {0} W, SoC {1} % → {2} W")
  @CsvSource({
    // net load, SoC, expected setpoint (positive = discharge)
    "5000, 50,  2000", // shave exactly the excess
    "9500, 50,  5000", // excess beyond the rating: full power
    "5000,  5,     0", // empty: cannot shave
    "3000, 50,     0", // at the threshold: no headroom to recharge
    "2500, 50,  -500", // recharge inside the headroom
    " 500, 50, -2000", // recharge capped by rechargeW
    " 500, 95,     0", // full: nothing to recharge
    "-800, 50, -2000", // PV surplus: recharge with rechargeW
  })
  void scenario(double netLoadW, double socPercent, double expectedW) {
    assertThat(setpoint(rule, at(WEEKDAY_10H, netLoadW, socPercent)))
        .isCloseTo(expectedW, within(1e-6));
  }

  @Test
  void asALimitItOnlyNarrowsTheRange() {
    PeakShaving limit = PeakShaving.limit(3000);
    DispatchDecision above = StrategyStack.of(limit).decide(at(WEEKDAY_10H, 4000, 50));
    assertThat(above.setpointW()).isEqualTo(1000);
    assertThat(above.strategy()).isEqualTo(PeakShaving.NAME);
    assertThat(above.rangeW().maxW()).isEqualTo(5000);
    DispatchDecision below = StrategyStack.of(limit).decide(at(WEEKDAY_10H, 1000, 50));
    assertThat(below.setpointW()).isZero();
    assertThat(below.rangeW().minW()).isEqualTo(-2000);
  }

  @Test
  void thresholdFromHistoryFitsEachDaysExcessInTheBattery() {
    // Two days of 96 quarter hours at 1 kW with a 2-hour 5 kW evening peak; 4 kWh usable.
    double[][] days = new double[2][96];
    for (double[] day : days) {
      java.util.Arrays.fill(day, 1000);
      for (int q = 72; q < 80; q++) {
        day[q] = 5000;
      }
    }
    double threshold = PeakShaving.thresholdFromHistory(days, 4.0);
    // (5 − T) kW × 2 h = 4 kWh → T = 3 kW.
    assertThat(threshold).isCloseTo(3000, within(1e-3));
  }
}
