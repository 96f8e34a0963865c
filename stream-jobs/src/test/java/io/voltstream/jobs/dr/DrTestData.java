package io.voltstream.jobs.dr;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import io.voltstream.model.Building;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrInvitation;
import java.time.Instant;
import java.util.Set;

/** A small DR building: one battery, two curtailable devices and one shiftable one. */
final class DrTestData {
  static final String HQ = "demo";

  /** A Wednesday 10:00 UTC: the event start. */
  static final Instant T0 = Instant.parse("2026-04-15T10:00:00Z");

  /** 10 kWh / 5 kW, round trip 0.9, reserve 10 %. */
  static final BatterySpec BATTERY =
      new BatterySpec("demo-battery-1", HQ, 10, 5000, 5000, 0.9, 5, 95, 10);

  static final DeviceSpec HVAC = device("living-room-hvac", DeviceType.HVAC, true); // 30 min
  static final DeviceSpec PLUGS = device("kitchen-plugs", DeviceType.PLUG_LOAD, true);
  static final DeviceSpec EV = device("ev-charger", DeviceType.EV_CHARGER, false);

  static final Building BUILDING = new Building(HQ, "Demo", null, null, null, null, null);

  private DrTestData() {}

  static DeviceSpec device(String id, DeviceType type, boolean curtailable) {
    return new DeviceSpec(
        id,
        HQ,
        "living-room",
        null,
        type,
        2000,
        true,
        true,
        curtailable ? FlexibilityKind.CURTAILABLE : FlexibilityKind.SHIFTABLE,
        Set.of(
            ControlCapability.ON_OFF,
            curtailable ? ControlCapability.CURTAIL : ControlCapability.SHIFT),
        null,
        null,
        null,
        null);
  }

  static DrInvitation invitation(String id, int minutes, double requestedKw, DrAnswer answer) {
    return new DrInvitation(
        id,
        null,
        HQ,
        T0,
        minutes,
        requestedKw,
        0.5,
        answer,
        null,
        "auto-answer",
        T0.minusSeconds(600),
        null,
        T0.minusSeconds(900),
        "admin");
  }

  static FlexibilityReport deviceReport(String id, double powerW, boolean on, Instant at) {
    return new FlexibilityReport(
        FlexibilityReport.Scope.DEVICE,
        id,
        HQ,
        "living-room",
        at,
        0,
        powerW / 1000,
        0,
        powerW / 1000,
        powerW,
        on ? "on" : "off");
  }
}
