package io.voltstream.api.batteries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.api.batteries.PowerIntegral.Energy;
import io.voltstream.api.batteries.PowerIntegral.Sample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerIntegralTest {
  private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

  @Test
  void shouldHoldEachSampleUntilTheNextAndKeepDirectionsApart() {
    Energy e =
        PowerIntegral.integrate(
            List.of(
                new Sample(T0, 3000),
                new Sample(T0.plusSeconds(60), -1500),
                new Sample(T0.plusSeconds(180), 0)),
            T0.plusSeconds(240));
    assertThat(e.chargedKwh()).isCloseTo(3.0 / 60, within(1e-12)); // 3 kW for 1 min
    assertThat(e.dischargedKwh()).isCloseTo(1.5 * 2 / 60, within(1e-12)); // 1.5 kW for 2 min
  }

  @Test
  void shouldCapSilentGapsAndTheTailAtFiveMinutes() {
    Energy e =
        PowerIntegral.integrate(
            List.of(new Sample(T0, 6000), new Sample(T0.plusSeconds(3600), -6000)),
            T0.plusSeconds(7200));
    assertThat(e.chargedKwh()).isCloseTo(6.0 * 5 / 60, within(1e-12));
    assertThat(e.dischargedKwh()).isCloseTo(6.0 * 5 / 60, within(1e-12));
  }

  @Test
  void shouldGiveZeroWithoutSamples() {
    assertThat(PowerIntegral.integrate(List.of(), T0)).isEqualTo(new Energy(0, 0));
  }
}
