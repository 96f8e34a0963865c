package io.voltstream.sim.registry;

import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.model.Building;
import io.voltstream.model.PvSystem;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;
import io.voltstream.sim.building.BuildingLayout;
import io.voltstream.sim.building.SimRoom;
import io.voltstream.sim.building.SimSensor;
import io.voltstream.sim.device.iot.DeviceMeters;
import io.voltstream.sim.device.pv.PvArray;
import io.voltstream.sim.replay.UciHouse;
import io.voltstream.sim.scenario.CommunityMember;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry entries a simulated building declares: the building first, then its rooms, then its
 * sensors, so a reader of the topic never sees a sensor before its room. The same layout always
 * gives the same records, which makes registration idempotent on a compacted topic.
 */
public final class RegistryRecords {
  private RegistryRecords() {}

  public static List<RegistryRecord> of(BuildingLayout layout) {
    return of(layout, null, null);
  }

  /**
   * The building with its own {@code tariff} and market membership (null: the documented defaults),
   * its rooms and its sensors.
   */
  public static List<RegistryRecord> of(
      BuildingLayout layout, Tariff tariff, MarketMembership market) {
    List<RegistryRecord> out = new ArrayList<>();
    out.add(
        new RegistryRecord(
            RegistryKey.building(layout.buildingId()),
            new Building(
                layout.buildingId(),
                layout.name(),
                layout.address(),
                layout.latitudeDeg(),
                layout.longitudeDeg(),
                tariff,
                null,
                layout.demandResponse(),
                market,
                pvSystem(layout))));
    for (SimRoom room : layout.rooms()) {
      out.add(
          new RegistryRecord(
              RegistryKey.room(room.name()),
              new Room(room.name(), layout.buildingId(), room.areaM2())));
    }
    for (SimSensor s : layout.sensors()) {
      out.add(
          new RegistryRecord(
              RegistryKey.sensor(s.sensorId()),
              new Sensor(s.sensorId(), s.room(), s.sensorType(), s.displayName(), s.drEnabled())));
    }
    return out;
  }

  /** The layout's PV array as the registry holds it; null without PV (0 W peak). */
  static PvSystem pvSystem(BuildingLayout layout) {
    PvArray pv = layout.pvArray();
    if (pv == null || pv.peakPowerW() <= 0) {
      return null;
    }
    return new PvSystem(pv.peakPowerW() / 1000.0, pv.tiltDeg(), pv.azimuthDeg() % 360.0);
  }

  /**
   * A community: its market ({@code market:<id>} → {@link MarketSpec}) first, then each member's
   * building, rooms and sensors, then every member's batteries.
   */
  public static List<RegistryRecord> ofCommunity(MarketSpec market, List<CommunityMember> members) {
    List<RegistryRecord> out = new ArrayList<>();
    out.add(new RegistryRecord(RegistryKey.market(market.id()), market));
    for (CommunityMember m : members) {
      if (!m.market().market().equals(market.id())) {
        throw new IllegalArgumentException(
            m.buildingId() + " is a member of " + m.market().market() + ", not " + market.id());
      }
      out.addAll(of(m.layout(), m.tariff(), m.market()));
    }
    for (CommunityMember m : members) {
      out.addAll(ofBatteries(m.batteries()));
    }
    return out;
  }

  /** The batteries: {@code battery:<id>} → {@link io.voltstream.energy.battery.BatterySpec}. */
  public static List<RegistryRecord> ofBatteries(
      List<io.voltstream.energy.battery.BatterySpec> specs) {
    return specs.stream()
        .map(spec -> new RegistryRecord(RegistryKey.battery(spec.id()), (Object) spec))
        .toList();
  }

  /** The automation rules: {@code rule:<id>} → {@link io.voltstream.model.rules.AutomationRule}. */
  public static List<RegistryRecord> ofRules(List<io.voltstream.model.rules.AutomationRule> rules) {
    return rules.stream()
        .map(rule -> new RegistryRecord(RegistryKey.rule(rule.id()), (Object) rule))
        .toList();
  }

  /**
   * The controllable devices: for each, its meter sensor in its room ({@code sensor:<meter id>},
   * typed {@code hvac} or {@code plug}) and then {@code device:<id>} → {@link DeviceSpec}; rooms in
   * {@code extraRooms} (not part of the layout, e.g. the demo's garage) are declared first.
   */
  public static List<RegistryRecord> ofDevices(
      String buildingId, List<Room> extraRooms, List<DeviceSpec> devices) {
    List<RegistryRecord> out = new ArrayList<>();
    for (Room room : extraRooms) {
      out.add(new RegistryRecord(RegistryKey.room(room.name()), room));
    }
    for (DeviceSpec d : devices) {
      if (!d.building().equals(buildingId)) {
        throw new IllegalArgumentException("device " + d.id() + " is not in " + buildingId);
      }
      out.add(
          new RegistryRecord(
              RegistryKey.sensor(d.meterId()),
              new Sensor(
                  d.meterId(),
                  d.room(),
                  DeviceMeters.sensorType(d.type()),
                  d.name() == null ? d.id() : d.name() + " meter",
                  d.drEnabled())));
    }
    for (DeviceSpec d : devices) {
      out.add(new RegistryRecord(RegistryKey.device(d.id()), (Object) d));
    }
    return out;
  }

  /**
   * The UCI replay house: building {@code uci-house}, one room per area plus the house-meter's
   * room.
   */
  public static List<RegistryRecord> ofUciHouse() {
    List<RegistryRecord> out = new ArrayList<>();
    out.add(
        new RegistryRecord(
            RegistryKey.building(UciHouse.BUILDING_ID),
            new Building(
                UciHouse.BUILDING_ID,
                "UCI appliances house (replay)",
                "Stambruges, Belgium",
                50.51,
                3.72)));
    List<String> rooms = new ArrayList<>(UciHouse.AREA_ROOMS);
    rooms.add(UciHouse.HOUSE_ROOM);
    for (String room : rooms) {
      out.add(
          new RegistryRecord(RegistryKey.room(room), new Room(room, UciHouse.BUILDING_ID, null)));
    }
    for (int area = 1; area <= UciHouse.AREA_ROOMS.size(); area++) {
      String id = UciHouse.climateSensorOfArea(area);
      out.add(
          new RegistryRecord(
              RegistryKey.sensor(id),
              new Sensor(
                  id,
                  UciHouse.roomOfArea(area),
                  SensorType.MULTI,
                  "T" + area + "/RH_" + area,
                  false)));
    }
    out.add(
        new RegistryRecord(
            RegistryKey.sensor(UciHouse.HOUSE_METER_ID),
            new Sensor(
                UciHouse.HOUSE_METER_ID,
                UciHouse.HOUSE_ROOM,
                SensorType.ENERGY,
                "Appliances + lights",
                false)));
    return out;
  }
}
