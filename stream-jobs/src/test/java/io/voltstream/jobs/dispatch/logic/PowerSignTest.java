package io.voltstream.jobs.dispatch.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import org.junit.jupiter.api.Test;

class PowerSignTest {

  @Test
  void shouldTurnAnEnergyModuleDischargeIntoADeviceDischargeCommand() {
    // energy module: +2000 W = discharging
    BatterySetpoint sp = BatterySetpoint.ofSignedPowerW(PowerSign.toChargingW(2000));
    assertThat(sp.mode()).isEqualTo(BatteryMode.DISCHARGE);
    assertThat(sp.powerW()).isEqualTo(2000);
    assertThat(PowerSign.toChargingW(-1500)).isEqualTo(1500);
  }

  @Test
  void shouldRoundTripAndKeepZeroPositive() {
    assertThat(PowerSign.toDischargingW(PowerSign.toChargingW(-750.5))).isEqualTo(-750.5);
    assertThat(PowerSign.toChargingW(0.0)).isEqualTo(0.0);
    assertThat(Double.doubleToRawLongBits(PowerSign.toChargingW(0.0))).isEqualTo(Double.doubleToRawLongBits(0.0));
  }
}
