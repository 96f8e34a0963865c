package io.voltstream.energy.flex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import java.util.Set;

/** Devices and a battery with round numbers, for hand-computed flexibility. */
final class FlexTestData {
  private static final double EPS = 1e-9;

  private FlexTestData() {}

  static void assertFlex(
      Flexibility f, double upNow, double downNow, double upHour, double downHour) {
    assertThat(f.upNowKw()).as("up_now_kw").isCloseTo(upNow, within(EPS));
    assertThat(f.downNowKw()).as("down_now_kw").isCloseTo(downNow, within(EPS));
    assertThat(f.upHourKw()).as("up_hour_kw").isCloseTo(upHour, within(EPS));
    assertThat(f.downHourKw()).as("down_hour_kw").isCloseTo(downHour, within(EPS));
  }

  static DeviceSpec device(
      String id,
      String room,
      DeviceType type,
      double ratedW,
      boolean drEnabled,
      FlexibilityKind kind,
      Integer maxCurtailmentMinutes) {
    Set<ControlCapability> caps =
        switch (kind) {
          case CURTAILABLE -> Set.of(ControlCapability.ON_OFF, ControlCapability.CURTAIL);
          case SHIFTABLE -> Set.of(ControlCapability.ON_OFF, ControlCapability.SHIFT);
          case NONE -> Set.of(ControlCapability.ON_OFF);
        };
    return new DeviceSpec(
        id,
        "b1",
        room,
        null,
        type,
        ratedW,
        true,
        drEnabled,
        kind,
        caps,
        null,
        null,
        null,
        maxCurtailmentMinutes);
  }

  /** HVAC, 2 kW, curtailable, default comfort limit 30 min. */
  static DeviceSpec hvac() {
    return device("hvac", "living", DeviceType.HVAC, 2000, true, FlexibilityKind.CURTAILABLE, null);
  }

  /** EV charger, 7.4 kW, shiftable, default comfort limit 4 h. */
  static DeviceSpec evCharger() {
    return device(
        "ev", "garage", DeviceType.EV_CHARGER, 7400, true, FlexibilityKind.SHIFTABLE, null);
  }

  /** Plugs, 1 kW, not DR-enabled. */
  static DeviceSpec plugs() {
    return device("plugs", "living", DeviceType.PLUG_LOAD, 1000, false, FlexibilityKind.NONE, null);
  }

  /** 10 kWh, 5 kW both ways, round trip 0.81 (0.9 each way), SoC 5–95 %, reserve 10 %. */
  static BatterySpec battery() {
    return new BatterySpec("bat", "b1", 10, 5000, 5000, 0.81, 5, 95, 10);
  }
}
