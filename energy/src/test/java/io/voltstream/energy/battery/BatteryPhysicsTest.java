package io.voltstream.energy.battery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.BatteryPhysics.Clamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatteryPhysicsTest {
  private static final Duration HOUR = Duration.ofHours(1);
  // 10 kWh, 5 kW both ways, 81 % round trip → 90 % each way.
  private final BatterySpec battery =
      new BatterySpec("b1", "demo", 10, 5000, 5000, 0.81, 10, 90, 20);

  @Test
  void chargingStoresTheAcEnergyTimesTheChargeEfficiency() {
    BatteryPhysics.Step s = BatteryPhysics.step(battery, 50, 100, -2000, HOUR);
    assertThat(s.socPercent()).isCloseTo(50 + 2 * 0.9 / 10 * 100, within(1e-9));
    assertThat(s.chargedAcKwh()).isCloseTo(2.0, within(1e-12));
    assertThat(s.dischargedAcKwh()).isZero();
    assertThat(s.clamp()).isEqualTo(Clamp.NONE);
  }

  @Test
  void dischargingDrawsTheAcEnergyOverTheDischargeEfficiency() {
    BatteryPhysics.Step s = BatteryPhysics.step(battery, 50, 100, 1800, HOUR);
    assertThat(s.socPercent()).isCloseTo(50 - 1.8 / 0.9 / 10 * 100, within(1e-9));
    assertThat(s.dischargedAcKwh()).isCloseTo(1.8, within(1e-12));
    assertThat(s.cellDischargedKwh()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void aFullCycleReturnsTheRoundTripEfficiency() {
    BatteryPhysics.Step in = BatteryPhysics.step(battery, 30, 100, -3000, HOUR);
    double backW =
        (in.socPercent() - 30) / 100 * 10 * 0.9 * 1000; // all stored energy, AC side, over 1 h
    BatteryPhysics.Step out = BatteryPhysics.step(battery, in.socPercent(), 100, backW, HOUR);
    assertThat(out.socPercent()).isCloseTo(30, within(1e-9));
    assertThat(out.dischargedAcKwh() / in.chargedAcKwh()).isCloseTo(0.81, within(1e-12));
  }

  @Test
  void powerBeyondTheRatingIsClampedAndReported() {
    BatteryPhysics.Step s = BatteryPhysics.step(battery, 50, 100, 9000, Duration.ofMinutes(1));
    assertThat(s.appliedPowerW()).isEqualTo(5000);
    assertThat(s.requestedPowerW()).isEqualTo(9000);
    assertThat(s.clamp()).isEqualTo(Clamp.POWER_LIMIT);
  }

  @Test
  void chargingStopsExactlyAtMaxSocAndReportsTheSocClamp() {
    BatteryPhysics.Step s = BatteryPhysics.step(battery, 89, 100, -5000, HOUR);
    assertThat(s.socPercent()).isCloseTo(90, within(1e-9));
    assertThat(s.appliedPowerW()).isCloseTo(-0.01 * 10 / 0.9 * 1000, within(1e-6));
    assertThat(s.clamp()).isEqualTo(Clamp.SOC_LIMIT);
  }

  @Test
  void dischargingStopsExactlyAtMinSoc() {
    BatteryPhysics.Step s = BatteryPhysics.step(battery, 11, 100, 5000, HOUR);
    assertThat(s.socPercent()).isCloseTo(10, within(1e-9));
    assertThat(s.clamp()).isEqualTo(Clamp.SOC_LIMIT);
    BatteryPhysics.Step empty = BatteryPhysics.step(battery, 10, 100, 100, Duration.ofSeconds(10));
    assertThat(empty.appliedPowerW()).isZero();
    assertThat(empty.socPercent()).isEqualTo(10);
  }

  @Test
  void limitsShrinkNearTheBoundsSoThatAStepEndsOnThem() {
    Duration tenSeconds = Duration.ofSeconds(10);
    assertThat(BatteryPhysics.limits(battery, 50, tenSeconds))
        .isEqualTo(new PowerRange(-5000, 5000));
    PowerRange nearFull = BatteryPhysics.limits(battery, 89.99, Duration.ofMinutes(15));
    assertThat(-nearFull.minW()).isCloseTo(0.0001 * 10 / 0.9 / 0.25 * 1000, within(1e-6));
    BatteryPhysics.Step s =
        BatteryPhysics.step(battery, 89.99, 100, nearFull.minW(), Duration.ofMinutes(15));
    assertThat(s.socPercent()).isCloseTo(90, within(1e-9));
    assertThat(s.clamp()).isEqualTo(Clamp.NONE);
    PowerRange aboveReserve =
        BatteryPhysics.limits(battery, 20, 100, tenSeconds, battery.reservePercent());
    assertThat(aboveReserve.maxW()).isZero();
  }

  @Test
  void stateOfHealthShrinksTheUsableCapacity() {
    BatteryPhysics.Step s = BatteryPhysics.step(battery, 50, 80, -1000, HOUR);
    assertThat(s.socPercent()).isCloseTo(50 + 0.9 / 8 * 100, within(1e-9));
  }
}
