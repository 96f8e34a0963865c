package io.voltstream.sim.scenario;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.sim.building.DemoBuilding;
import java.util.List;

/**
 * The demo building's two batteries, sized to its load and PV (see energy/README.md): in spring the
 * house uses about 26 kWh a day, about 15 kWh of it in the evening and night when the 6 kWp roof
 * (about 25 kWh a day) does not cover it. A 10 kWh / 5 kW main battery covers the evening peak and
 * most of the night; a 5 kWh / 2.5 kW second one (e.g. an older unit) stores more of the midday
 * surplus. Both: 90 % round trip, SoC 5–95 %, 10 % emergency reserve.
 */
public final class DemoBatteries {
  public static final String MAIN_ID = "demo-battery-1";
  public static final String SECOND_ID = "demo-battery-2";

  private DemoBatteries() {}

  public static List<BatterySpec> specs() {
    return List.of(
        new BatterySpec(MAIN_ID, DemoBuilding.BUILDING_ID, 10.0, 5000, 5000, 0.90, 5, 95, 10),
        new BatterySpec(SECOND_ID, DemoBuilding.BUILDING_ID, 5.0, 2500, 2500, 0.90, 5, 95, 10));
  }
}
