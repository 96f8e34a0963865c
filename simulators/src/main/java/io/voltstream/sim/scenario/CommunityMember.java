package io.voltstream.sim.scenario;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.sim.building.BuildingLayout;
import java.util.List;

/**
 * One building of the demo community as the simulator runs and registers it.
 *
 * @param layout rooms, meters and PV
 * @param tariff its own tariff; null = the documented default tariff
 * @param market its market membership (the demo: {@code community}, agent on)
 * @param batteries its batteries (simulated and registered)
 */
public record CommunityMember(
    BuildingLayout layout, Tariff tariff, MarketMembership market, List<BatterySpec> batteries) {
  public CommunityMember {
    batteries = List.copyOf(batteries);
  }

  public String buildingId() {
    return layout.buildingId();
  }
}
