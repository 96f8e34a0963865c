package io.voltstream.energy.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatteryFleetTest {
  private final List<BatterySpec> fleet =
      List.of(
          new BatterySpec("a", "demo", 10, 5000, 5000, 0.9, 5, 95, 10),
          new BatterySpec("b", "demo", 5, 2500, 2500, 0.9, 5, 95, 10));
  private final Duration step = Duration.ofSeconds(10);

  @Test
  void socIsCapacityWeighted() {
    assertThat(BatteryFleet.socPercent(fleet, new double[] {80, 20})).isCloseTo(60, within(1e-9));
  }

  @Test
  void aSetpointIsSharedByHeadroomAndAddsUp() {
    double[] split = BatteryFleet.split(fleet, new double[] {50, 50}, step, 6000);
    assertThat(split[0]).isCloseTo(4000, within(1e-9));
    assertThat(split[1]).isCloseTo(2000, within(1e-9));
  }

  @Test
  void anEmptyBatteryGetsNoDischargeShare() {
    double[] split = BatteryFleet.split(fleet, new double[] {50, 5}, step, 3000);
    assertThat(split[1]).isZero();
    assertThat(split[0]).isEqualTo(3000);
  }

  @Test
  void limitsAddUpAndCanKeepTheReserve() {
    assertThat(BatteryFleet.limits(fleet, new double[] {50, 50}, step, false))
        .isEqualTo(new PowerRange(-7500, 7500));
    assertThat(BatteryFleet.limits(fleet, new double[] {10, 50}, step, true).maxW())
        .isEqualTo(2500);
  }
}
