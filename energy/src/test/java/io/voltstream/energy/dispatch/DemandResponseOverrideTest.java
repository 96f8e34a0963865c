package io.voltstream.energy.dispatch;

import static io.voltstream.energy.dispatch.TestContexts.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemandResponseOverrideTest {
  private final DemandResponseOverride event =
      new DemandResponseOverride(
          "dr-7",
          Instant.parse("2026-04-13T15:00:00Z"),
          Instant.parse("2026-04-13T16:00:00Z"),
          500);

  @ParameterizedTest(name = "{0}, net {1} W → {2} W")
  @CsvSource({
    "2026-04-13T14:59:50Z, 3000, 3000", // before: self-consumption below decides
    "2026-04-13T15:00:00Z, 3000, 2500", // inside: import held at 500 W
    "2026-04-13T15:30:00Z, -1000, -1500", // inside with surplus: charge so that 500 W are still
    // imported
    "2026-04-13T15:30:00Z, 9000, 5000", // beyond the rating
    "2026-04-13T16:00:00Z, 3000, 3000", // the window is half-open
  })
  void overridesTheStrategiesBelowDuringItsWindow(String clock, double netLoadW, double expectedW) {
    StrategyStack stack = StrategyStack.of(new ReserveFloor(0), event, new SelfConsumption());
    DispatchDecision d = stack.decide(at(Instant.parse(clock), netLoadW, 50));
    assertThat(d.setpointW()).isCloseTo(expectedW, within(1e-6));
  }
}
