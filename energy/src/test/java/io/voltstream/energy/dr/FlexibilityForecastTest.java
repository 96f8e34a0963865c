package io.voltstream.energy.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import io.voltstream.energy.dr.FlexibilityForecast.BatteryAvailability;
import io.voltstream.energy.dr.FlexibilityForecast.DeviceLoad;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlexibilityForecastTest {
  static final Duration HOUR = Duration.ofHours(1);
  // 10 kWh, 5 kW, 81 % round trip (90 % out), reserve 20 %.
  static final BatterySpec BATTERY =
      new BatterySpec("b1", "demo", 10, 5000, 5000, 0.81, 10, 90, 20);

  static DeviceSpec device(
      String id, DeviceType type, double ratedW, boolean dr, FlexibilityKind k) {
    Set<ControlCapability> caps =
        k == FlexibilityKind.SHIFTABLE
            ? Set.of(ControlCapability.ON_OFF, ControlCapability.SHIFT)
            : Set.of(ControlCapability.ON_OFF, ControlCapability.CURTAIL);
    return new DeviceSpec(
        id,
        "demo",
        "r",
        null,
        type,
        ratedW,
        true,
        dr,
        dr ? k : FlexibilityKind.NONE,
        dr ? caps : Set.of(ControlCapability.ON_OFF),
        null,
        null,
        null,
        null);
  }

  static final DeviceSpec HVAC =
      device("hvac", DeviceType.HVAC, 3000, true, FlexibilityKind.CURTAILABLE);
  static final DeviceSpec PLUGS =
      device("plugs", DeviceType.PLUG_LOAD, 1000, true, FlexibilityKind.CURTAILABLE);
  static final DeviceSpec FAN = device("fan", DeviceType.VENTILATION, 500, false, null);

  static final List<DeviceLoad> LOADS =
      List.of(new DeviceLoad(HVAC, 2000), new DeviceLoad(PLUGS, 500), new DeviceLoad(FAN, 400));

  @Test
  void shouldCountBatteryEnergyAboveReserveSpreadOverTheWindow() {
    // (60 − 20) % of 10 kWh = 4 kWh in the cells × 0.9 = 3.6 kWh AC over 1 h = 3.6 kW (< 5 kW).
    var f =
        FlexibilityForecast.forWindow(
            HOUR, List.of(new BatteryAvailability(BATTERY, 60)), List.of(), OptionalDouble.empty());
    assertThat(f.batteryKw()).isCloseTo(3.6, within(1e-9));
    assertThat(f.totalKw()).isCloseTo(3.6, within(1e-9));
  }

  @Test
  void shouldCapTheBatteryAtItsDischargeRatingForShortWindows() {
    // 3.6 kWh over 30 min would be 7.2 kW; the rating is 5 kW.
    var f =
        FlexibilityForecast.forWindow(
            Duration.ofMinutes(30),
            List.of(new BatteryAvailability(BATTERY, 60)),
            List.of(),
            OptionalDouble.empty());
    assertThat(f.batteryKw()).isCloseTo(5.0, within(1e-9));
  }

  @Test
  void shouldCountNothingForABatteryAtOrBelowItsReserve() {
    var f =
        FlexibilityForecast.forWindow(
            HOUR, List.of(new BatteryAvailability(BATTERY, 15)), List.of(), OptionalDouble.empty());
    assertThat(f.batteryKw()).isZero();
  }

  @Test
  void shouldScaleLoadsByTheShareOfTheWindowTheirComfortLimitAllows() {
    // HVAC: 2 kW × (30 min limit / 60 min) = 1.0; plugs: 0.5 kW × (60 / 60) = 0.5; fan: not DR.
    var f = FlexibilityForecast.forWindow(HOUR, List.of(), LOADS, OptionalDouble.empty());
    assertThat(f.loadsKw()).isCloseTo(1.5, within(1e-9));
    assertThat(f.loadSource()).isEqualTo(FlexibilityForecast.CURRENT_POWER);
    // 20 min window: both within their limits → 2.0 + 0.5.
    var shortWindow =
        FlexibilityForecast.forWindow(
            Duration.ofMinutes(20), List.of(), LOADS, OptionalDouble.empty());
    assertThat(shortWindow.loadsKw()).isCloseTo(2.5, within(1e-9));
  }

  @Test
  void shouldCapLoadsAtTheForecastConsumptionOfTheWindow() {
    var f =
        FlexibilityForecast.forWindow(
            HOUR, List.of(new BatteryAvailability(BATTERY, 60)), LOADS, OptionalDouble.of(1.2));
    assertThat(f.loadsKw()).isCloseTo(1.2, within(1e-9));
    assertThat(f.loadSource()).isEqualTo(FlexibilityForecast.CAPPED_BY_FORECAST);
    assertThat(f.totalKw()).isCloseTo(4.8, within(1e-9));
    assertThat(f.describe())
        .isEqualTo("4.80 kW (battery 3.60 kW + loads 1.20 kW, capped_by_consumption_forecast)");
    // A forecast above the loads does not bind.
    var loose = FlexibilityForecast.forWindow(HOUR, List.of(), LOADS, OptionalDouble.of(3.0));
    assertThat(loose.loadsKw()).isCloseTo(1.5, within(1e-9));
    assertThat(loose.loadSource()).isEqualTo(FlexibilityForecast.CURRENT_POWER);
  }
}
