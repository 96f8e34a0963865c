package io.voltstream.energy.battery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PowerConventionTest {
  @Test
  void chargingIsPositiveOnTheDeviceSideAndNegativeInTheEnergyModule() {
    assertThat(PowerConvention.deviceToEnergyW(2500)).isEqualTo(-2500);
    assertThat(PowerConvention.deviceToEnergyW(-1000)).isEqualTo(1000);
    assertThat(PowerConvention.energyToDeviceW(1000)).isEqualTo(-1000);
    assertThat(PowerConvention.energyToDeviceW(PowerConvention.deviceToEnergyW(123.5)))
        .isEqualTo(123.5);
    assertThat(PowerConvention.deviceToEnergyW(0)).isEqualTo(0.0); // never -0.0
  }
}
