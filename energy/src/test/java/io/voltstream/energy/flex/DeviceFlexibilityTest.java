package io.voltstream.energy.flex;

import static io.voltstream.energy.flex.FlexTestData.assertFlex;
import static io.voltstream.energy.flex.FlexTestData.device;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DeviceFlexibilityTest {

  @Test
  void curtailableDeviceThatIsOnOffersItsPowerDownHeldForItsComfortLimit() {
    // 1.5 kW now; HVAC may stay curtailed 30 min of the hour → 0.75 kW mean.
    var r = DeviceFlexibility.of(FlexTestData.hvac(), OptionalDouble.of(1500));
    assertThat(r.state()).isEqualTo(DeviceState.ON);
    assertFlex(r.flexibility(), 0, 1.5, 0, 0.75);
  }

  @Test
  void aComfortLimitOfAnHourOrMoreHoldsTheWholeHour() {
    var spec = device("h", "r", DeviceType.HVAC, 2000, true, FlexibilityKind.CURTAILABLE, 90);
    assertFlex(DeviceFlexibility.of(spec, OptionalDouble.of(1500)).flexibility(), 0, 1.5, 0, 1.5);
  }

  @Test
  void curtailableDeviceOnStandbyIsOffAndOffersNothing() {
    // 50 W is 2.5 % of 2 kW: below the 5 % on-threshold.
    var r = DeviceFlexibility.of(FlexTestData.hvac(), OptionalDouble.of(50));
    assertThat(r.state()).isEqualTo(DeviceState.OFF);
    assertFlex(r.flexibility(), 0, 0, 0, 0);
  }

  @Test
  void shiftableDeviceThatIsOffOffersItsRatedPowerUp() {
    // EV charger off: it could start now at 7.4 kW; comfort limit 4 h ≥ 1 h.
    var r = DeviceFlexibility.of(FlexTestData.evCharger(), OptionalDouble.of(0));
    assertThat(r.state()).isEqualTo(DeviceState.OFF);
    assertFlex(r.flexibility(), 7.4, 0, 7.4, 0);
  }

  @Test
  void shiftableDeviceBelowRatedOffersBothDirections() {
    // Water heater 2 kW running at 1.2 kW, comfort limit 30 min: down 1.2 (0.6 over the hour),
    // up 0.8 (0.4 over the hour).
    var spec =
        device("wh", "bath", DeviceType.WATER_HEATER, 2000, true, FlexibilityKind.SHIFTABLE, 30);
    var r = DeviceFlexibility.of(spec, OptionalDouble.of(1200));
    assertThat(r.state()).isEqualTo(DeviceState.ON);
    assertFlex(r.flexibility(), 0.8, 1.2, 0.4, 0.6);
  }

  @Test
  void shiftableDeviceAtRatedPowerOffersOnlyDown() {
    var r = DeviceFlexibility.of(FlexTestData.evCharger(), OptionalDouble.of(7400));
    assertFlex(r.flexibility(), 0, 7.4, 0, 7.4);
  }

  @Test
  void deviceNotDrEnabledHasAStateButNoFlexibility() {
    var r = DeviceFlexibility.of(FlexTestData.plugs(), OptionalDouble.of(800));
    assertThat(r.state()).isEqualTo(DeviceState.ON);
    assertFlex(r.flexibility(), 0, 0, 0, 0);
  }

  @Test
  void unknownPowerIsUnknownAndCountsForNothing() {
    var r = DeviceFlexibility.of(FlexTestData.hvac(), OptionalDouble.empty());
    assertThat(r.state()).isEqualTo(DeviceState.UNKNOWN);
    assertFlex(r.flexibility(), 0, 0, 0, 0);
    assertThat(DeviceFlexibility.of(FlexTestData.hvac(), OptionalDouble.of(Double.NaN)).state())
        .isEqualTo(DeviceState.UNKNOWN);
  }
}
