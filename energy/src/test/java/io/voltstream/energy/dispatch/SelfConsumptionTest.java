package io.voltstream.energy.dispatch;

import static io.voltstream.energy.dispatch.TestContexts.WEEKDAY_10H;
import static io.voltstream.energy.dispatch.TestContexts.at;
import static io.voltstream.energy.dispatch.TestContexts.setpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelfConsumptionTest {
  @ParameterizedTest(name = "net {0} W, SoC {1} % → {2} W")
  @CsvSource({
    " 1200, 50,  1200", // cover the load
    " 7000, 50,  5000", // limited by the rating
    "-2500, 50, -2500", // store the surplus
    "-9000, 50, -5000",
    "-2500, 95,     0", // full
    " 1200,  5,     0", // empty (at min SoC)
    "    0, 50,     0",
  })
  void scenario(double netLoadW, double socPercent, double expectedW) {
    assertThat(setpoint(new SelfConsumption(), at(WEEKDAY_10H, netLoadW, socPercent)))
        .isCloseTo(expectedW, within(1e-6));
  }
}
