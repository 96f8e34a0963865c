package io.voltstream.sim.scenario;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.sim.building.BuildingLayout;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.building.MeteredBuilding;
import io.voltstream.sim.device.RoomKind;
import io.voltstream.sim.device.load.LoadMix;
import io.voltstream.sim.device.pv.PvArray;
import io.voltstream.sim.payload.UnitStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's energy community (issue 10): the demo house plus two buildings with a different load,
 * PV and battery, all members of the market {@code community} (pay-as-clear, gate closure 5 minutes
 * before each 15-minute slot) with their trading agents on.
 *
 * <ul>
 *   <li>{@code home-east}: a family house whose occupants are out during the working day (no home
 *       office): base load plus the shapes of a kitchen, twice a living room (a large family room),
 *       one and a half bedrooms and a third of a bathroom (hot water from gas, so only part of the
 *       electric shower load), so a marked evening peak (about 2.9 kW at 18:30 on weekdays, 0.6 kW
 *       at 13:30). 6 kWp facing east (35° tilt): its surplus comes in the morning. A 10 kWh / 5 kW
 *       battery.
 *   <li>{@code office-west}: a small office (about 40 workplaces): 0.5 kW base (servers, standby)
 *       plus 40 office-room shapes and a kitchenette, so 12–13 kW on weekday daytime, about 1.4 kW
 *       at night and little at weekends. 20 kWp on a flat roof (10° tilt, facing south-west): a
 *       buyer on weekdays, a seller at weekends. No battery. The default tariff without VAT.
 * </ul>
 */
public final class DemoCommunity {
  public static final String HOME_EAST_ID = "home-east";
  public static final String OFFICE_WEST_ID = "office-west";
  public static final String HOME_EAST_BATTERY_ID = "home-east-battery";

  public static final MeteredBuilding HOME_EAST =
      new MeteredBuilding(
          HOME_EAST_ID,
          "Home East",
          "Avenue de Tervueren 120, 1150 Woluwe-Saint-Pierre",
          50.8367,
          4.4180,
          DemoBuilding.ZONE,
          140.0,
          new LoadMix(
              120.0,
              Map.of(
                  RoomKind.KITCHEN, 1.0,
                  RoomKind.LIVING_ROOM, 2.0,
                  RoomKind.BEDROOM, 1.5,
                  RoomKind.BATHROOM, 0.3)),
          new PvArray(6000.0, 35.0, 90.0),
          UnitStyle.METRIC_WH);

  public static final MeteredBuilding OFFICE_WEST =
      new MeteredBuilding(
          OFFICE_WEST_ID,
          "Office West",
          "Boulevard Industriel 9, 1070 Anderlecht",
          50.8250,
          4.2930,
          DemoBuilding.ZONE,
          900.0,
          new LoadMix(500.0, Map.of(RoomKind.OFFICE, 40.0, RoomKind.KITCHEN, 0.8)),
          new PvArray(20_000.0, 10.0, 225.0),
          UnitStyle.KILOWATT);

  /** Every member trades in the default market with its agent on. */
  public static final MarketMembership MEMBERSHIP =
      new MarketMembership(MarketSpec.DEFAULT_ID, true);

  private DemoCommunity() {}

  /** The community's market: {@code community}, pay-as-clear, gate closure 300 s. */
  public static MarketSpec market() {
    return MarketSpec.defaults();
  }

  /** The demo house (with {@code rooms} rooms and the demo batteries) first, then the others. */
  public static List<CommunityMember> members(BuildingLayout demo) {
    List<CommunityMember> out = new ArrayList<>();
    out.add(new CommunityMember(demo, null, MEMBERSHIP, DemoBatteries.specs()));
    out.add(
        new CommunityMember(
            HOME_EAST.layout(),
            null,
            MEMBERSHIP,
            List.of(
                new BatterySpec(
                    HOME_EAST_BATTERY_ID, HOME_EAST_ID, 10.0, 5000, 5000, 0.90, 5, 95, 10))));
    out.add(new CommunityMember(OFFICE_WEST.layout(), businessTariff(), MEMBERSHIP, List.of()));
    return out;
  }

  /** Belgian VAT on electricity, which a company deducts. */
  static final double VAT = 0.21;

  /**
   * A business variant of the default tariff ({@code be-tou-business}): the same time-of-use import
   * prices without the 21 % VAT a company deducts (weekdays night 0.18, day 0.26, evening 0.35
   * EUR/kWh), the same feed-in price, demand charge and grid carbon intensity.
   */
  public static Tariff businessTariff() {
    Tariff base = Tariffs.defaultTariff(DemoBuilding.ZONE);
    return new Tariff(
        "be-tou-business",
        base.zone(),
        withoutVat(base.weekdayImportEurPerKwh()),
        withoutVat(base.weekendImportEurPerKwh()),
        base.exportEurPerKwh(),
        base.demandChargeEurPerKwMonth(),
        base.carbonGramsPerKwh());
  }

  private static List<Double> withoutVat(List<Double> prices) {
    return prices.stream().map(p -> Math.round(p / (1 + VAT) * 10_000) / 10_000.0).toList();
  }
}
