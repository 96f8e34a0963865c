package io.voltstream.energy.dispatch;

import static io.voltstream.energy.dispatch.TestContexts.at;
import static io.voltstream.energy.dispatch.TestContexts.setpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeOfUseTest {
  private final TimeOfUse rule = new TimeOfUse(3000, 90);

  @ParameterizedTest(name = "{0} local, net {1} W, SoC {2} % → {3} W")
  @CsvSource({
    // Monday, default tariff: night 0.22, day 0.31, evening 0.42 EUR/kWh
    "02:00,  400, 50, -3000", // cheapest band: charge from the grid
    "02:00,  400, 90,     0", // charged up to the target: hold
    "18:30, 1500, 50,  1500", // dearest band: cover the load
    "18:30, 9000, 50,  5000",
    "18:30, 1500, 20,  1500", // alone it ignores the reserve (stack the reserve above it)
    "18:30, -500, 50,     0", // dearest band with surplus: hold (no grid charging)
    "10:00, 1500, 50,     0", // day band: hold the charge for the evening
  })
  void scenario(String localTime, double netLoadW, double socPercent, double expectedW) {
    assertThat(setpoint(rule, at(localTime, netLoadW, socPercent)))
        .isCloseTo(expectedW, within(1e-6));
  }

  @Test
  void inTheDayBandSelfConsumptionBelowMayStillStoreSurplus() {
    StrategyStack stack = StrategyStack.of(rule, new SelfConsumption());
    assertThat(stack.decide(at("10:00", -2000, 50)).setpointW()).isEqualTo(-2000);
    assertThat(stack.decide(at("10:00", 1500, 50)).setpointW()).isZero();
  }
}
