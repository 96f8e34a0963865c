package io.voltstream.sim.scenario;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.sim.building.DemoBuilding;
import java.util.List;

/**
 * The demo building's two batteries, sized to its load and PV (see energy/README.md): the house
 * uses about 30 kWh a day with a 4–6 kW evening peak, and its 6 kWp roof gives 10–35 kWh a day in
 * spring. A 10 kWh / 5 kW main battery covers the evening peak and most of the night; a 5 kWh /
 * 2.5 kW second one (e.g. an older unit) absorbs more of the midday surplus. Both: 90 % round trip,
 * SoC 5–95 %, 10 % emergency reserve.
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
