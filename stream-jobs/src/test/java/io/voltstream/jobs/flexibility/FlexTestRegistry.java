package io.voltstream.jobs.flexibility;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import io.voltstream.model.Building;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A small registry with hand-computable flexibility: building {@code demo}, rooms {@code living}
 * and {@code garage}; a 2 kW curtailable HVAC (meter {@code hvac-meter}, comfort 30 min) and 1 kW
 * plugs that are not DR-enabled in the living room; a 7.4 kW shiftable EV charger in the garage; a
 * 10 kWh / 5 kW battery (round trip 0.81, reserve 10 %, max SoC 95 %).
 *
 * <p>With the HVAC at 1500 W, plugs at 300 W, the EV charger off and the battery idle at 50 %:
 * living 1.5 kW down now, 0.75 kW over the hour; garage 7.4 kW up; building up 12.4 / 12.4, down
 * 6.5 / 4.35 kW (battery: 5 up and down now, 5 up and 3.6 down over the hour).
 */
final class FlexTestRegistry {
  static final String HQ = "demo";
  static final Instant T0 = Instant.parse("2026-04-13T10:00:00Z");

  static final DeviceSpec HVAC =
      new DeviceSpec(
          "hvac",
          HQ,
          "living",
          "HVAC",
          DeviceType.HVAC,
          2000,
          true,
          true,
          FlexibilityKind.CURTAILABLE,
          Set.of(ControlCapability.ON_OFF, ControlCapability.CURTAIL),
          "hvac-meter",
          null,
          null,
          null);
  static final DeviceSpec PLUGS =
      new DeviceSpec(
          "plugs",
          HQ,
          "living",
          null,
          DeviceType.PLUG_LOAD,
          1000,
          false,
          false,
          null,
          null,
          null,
          null,
          null,
          null);
  static final DeviceSpec EV =
      new DeviceSpec(
          "ev",
          HQ,
          "garage",
          null,
          DeviceType.EV_CHARGER,
          7400,
          true,
          true,
          FlexibilityKind.SHIFTABLE,
          Set.of(ControlCapability.ON_OFF, ControlCapability.SHIFT),
          null,
          null,
          null,
          null);
  static final BatterySpec BATTERY = new BatterySpec("bat", HQ, 10, 5000, 5000, 0.81, 5, 95, 10);

  private FlexTestRegistry() {}

  /** Registry key → value, in the order a registry topic would deliver them. */
  static Map<String, Object> entries() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(RegistryKey.building(HQ).encode(), new Building(HQ, "Demo", null, null, null));
    m.put(RegistryKey.room("living").encode(), new Room("living", HQ, null));
    m.put(RegistryKey.room("garage").encode(), new Room("garage", HQ, null));
    m.put(RegistryKey.sensor("hvac-meter").encode(), Map.of("id", "hvac-meter", "room", "living"));
    m.put(RegistryKey.sensor("plugs").encode(), Map.of("id", "plugs", "room", "living"));
    m.put(RegistryKey.sensor("ev").encode(), Map.of("id", "ev", "room", "garage"));
    m.put(RegistryKey.sensor("co2").encode(), Map.of("id", "co2", "room", "living"));
    for (DeviceSpec d : new DeviceSpec[] {HVAC, PLUGS, EV}) {
      m.put(RegistryKey.device(d.id()).encode(), d);
    }
    m.put(RegistryKey.battery(BATTERY.id()).encode(), BATTERY);
    return m;
  }
}
