package io.voltstream.sim.building;

import io.voltstream.energy.dr.DrSettings;
import io.voltstream.model.SensorType;
import io.voltstream.sim.device.RoomKind;
import io.voltstream.sim.device.pv.PvArray;
import io.voltstream.sim.payload.UnitStyle;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic building {@code demo}: a family house in Brussels with a kitchen, a living room, a
 * home office, two bedrooms and a bathroom (more rooms cycle through the kinds as {@code room-7},
 * …), each with one or more multi-metric meters, plus a 6 kWp PV array on the roof metered by
 * {@code roof-pv}.
 */
public final class DemoBuilding {
  public static final String BUILDING_ID = "demo";
  public static final String ROOF_ROOM = "roof";
  public static final String PV_SENSOR_ID = "roof-pv";
  public static final double LATITUDE_DEG = 50.8467;
  public static final double LONGITUDE_DEG = 4.3525;
  public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
  public static final double PV_PEAK_POWER_W = 6000.0;

  /** The demo building answers DR invitations automatically (any incentive, 10 % margin). */
  public static final DrSettings DEMAND_RESPONSE = new DrSettings(true, 0.0, 1.1);

  private static final List<SimRoom> CORE_ROOMS =
      List.of(
          new SimRoom("kitchen", RoomKind.KITCHEN, RoomKind.KITCHEN.areaM2()),
          new SimRoom("living-room", RoomKind.LIVING_ROOM, RoomKind.LIVING_ROOM.areaM2()),
          new SimRoom("office", RoomKind.OFFICE, RoomKind.OFFICE.areaM2()),
          new SimRoom("bedroom-1", RoomKind.BEDROOM, RoomKind.BEDROOM.areaM2()),
          new SimRoom("bedroom-2", RoomKind.BEDROOM, 11.0),
          new SimRoom("bathroom", RoomKind.BATHROOM, RoomKind.BATHROOM.areaM2()));
  private static final List<RoomKind> EXTRA_KINDS =
      List.of(
          RoomKind.BEDROOM,
          RoomKind.OFFICE,
          RoomKind.LIVING_ROOM,
          RoomKind.KITCHEN,
          RoomKind.BATHROOM);

  private DemoBuilding() {}

  /**
   * The building with {@code roomCount} indoor rooms (plus the roof) and {@code sensorsPerRoom}
   * meters each.
   */
  public static BuildingLayout layout(int roomCount, int sensorsPerRoom) {
    if (roomCount < 1 || sensorsPerRoom < 1) {
      throw new IllegalArgumentException("need at least one room and one sensor per room");
    }
    List<SimRoom> rooms = new ArrayList<>();
    for (int i = 0; i < roomCount; i++) {
      if (i < CORE_ROOMS.size()) {
        rooms.add(CORE_ROOMS.get(i));
      } else {
        RoomKind kind = EXTRA_KINDS.get((i - CORE_ROOMS.size()) % EXTRA_KINDS.size());
        rooms.add(new SimRoom("room-" + (i + 1), kind, kind.areaM2()));
      }
    }
    List<SimSensor> sensors = new ArrayList<>();
    int deviceIndex = 0;
    for (SimRoom room : rooms) {
      for (int s = 1; s <= sensorsPerRoom; s++) {
        String id = room.name() + "-meter" + (s == 1 ? "" : "-" + s);
        boolean flexible =
            room.kind() == RoomKind.KITCHEN
                || room.kind() == RoomKind.LIVING_ROOM
                || room.kind() == RoomKind.OFFICE;
        sensors.add(
            new SimSensor(
                id,
                room.name(),
                SensorType.MULTI,
                1.0 / sensorsPerRoom,
                UnitStyle.forIndex(deviceIndex++),
                displayName(room.name()) + " meter " + s,
                flexible));
      }
    }
    rooms.add(new SimRoom(ROOF_ROOM, RoomKind.ROOF, RoomKind.ROOF.areaM2()));
    sensors.add(
        new SimSensor(
            PV_SENSOR_ID,
            ROOF_ROOM,
            SensorType.PV,
            1.0,
            UnitStyle.METRIC_WH,
            "Rooftop PV meter",
            false));
    return new BuildingLayout(
        BUILDING_ID,
        "Demo house",
        "Rue de la Loi 16, 1000 Brussels",
        LATITUDE_DEG,
        LONGITUDE_DEG,
        ZONE,
        PvArray.horizontal(PV_PEAK_POWER_W),
        rooms,
        sensors,
        DEMAND_RESPONSE);
  }

  private static String displayName(String roomName) {
    String spaced = roomName.replace('-', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
