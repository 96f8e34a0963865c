package io.voltstream.energy.flex;

import static io.voltstream.energy.flex.FlexTestData.assertFlex;

import io.voltstream.energy.battery.BatteryState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Battery: 10 kWh, 5 kW both ways, 0.9 efficiency each way, SoC 5–95 %, reserve 10 %. */
class BatteryFlexibilityTest {

  private static Flexibility at(double soc, double dischargingW, double soh) {
    return BatteryFlexibility.of(
        FlexTestData.battery(), new BatteryState("bat", Instant.EPOCH, soc, dischargingW, soh));
  }

  @Test
  void idleBatteryHalfFull() {
    // down: 5 kW now; above reserve 40 % of 10 kWh × 0.9 = 3.6 kWh → 3.6 kW over the hour.
    // up: 5 kW now; below max 45 % of 10 kWh ÷ 0.9 = 5 kWh → 5 kW over the hour.
    assertFlex(at(50, 0, 100), 5, 5, 5, 3.6);
  }

  @Test
  void chargingBatteryAlsoOffersStoppingItsCharge() {
    // charging 2 kW (energy convention −2000): down = 5 + 2 = 7 now, 3.6 + 2 = 5.6 over the hour;
    // up = 5 − 2 = 3 (only the rest of the charge rating).
    assertFlex(at(50, -2000, 100), 3, 7, 3, 5.6);
  }

  @Test
  void nearTheReserveTheHourIsCappedByEnergyAndStateOfHealthShrinksIt() {
    // SoH 90 % → 9 kWh; 2 % above reserve = 0.18 kWh × 0.9 = 0.162 kWh → 162 W sustainable, less
    // than the 1 kW it discharges already: down_hour 0. down_now = 5 − 1 = 4.
    // up: stop discharging + charge 5 kW = 6 now; 83 % of 9 kWh ÷ 0.9 = 8.3 kWh ≥ 5 kWh → 6.
    assertFlex(at(12, 1000, 90), 6, 4, 6, 0);
  }

  @Test
  void atTheReserveNothingDownEvenStoppingACharge() {
    assertFlex(at(10, -1000, 100), 4, 0, 4, 0);
    assertFlex(at(8, 0, 100), 5, 0, 5, 0);
  }

  @Test
  void atMaxSocOnlyStoppingTheDischargeIsUpward() {
    // 95 % = max SoC, discharging 2 kW: up = 2 (stop discharging) now and over the hour;
    // down = 5 − 2 = 3 now; 85 % of 10 kWh × 0.9 = 7.65 kWh ≥ 5 kWh → 5 − 2 = 3 over the hour.
    assertFlex(at(95, 2000, 100), 2, 3, 2, 3);
  }

  @Test
  void nearlyFullBatteryCanChargeOnlyWhatFitsOverTheHour() {
    // 94 %: 1 % of 10 kWh ÷ 0.9 = 0.111 kWh → 111.1 W over the hour; 5 kW now.
    assertFlex(at(94, 0, 100), 5, 5, 0.1 / 0.9, 5);
  }
}
