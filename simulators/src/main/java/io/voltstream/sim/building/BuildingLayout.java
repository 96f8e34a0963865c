package io.voltstream.sim.building;

import io.voltstream.energy.dr.DrSettings;
import io.voltstream.sim.device.pv.PvArray;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The static description of a simulated building: identity and location (for the sun and local
 * time), its PV array, its rooms and its devices, and its demand-response settings (null: the
 * default).
 */
public record BuildingLayout(
    String buildingId,
    String name,
    String address,
    double latitudeDeg,
    double longitudeDeg,
    ZoneId zone,
    PvArray pvArray,
    List<SimRoom> rooms,
    List<SimSensor> sensors,
    DrSettings demandResponse) {

  public BuildingLayout {
    rooms = List.copyOf(rooms);
    sensors = List.copyOf(sensors);
  }

  /** The PV array's peak power [W]. */
  public double pvPeakPowerW() {
    return pvArray.peakPowerW();
  }

  public Optional<SimRoom> room(String name) {
    return rooms.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public List<SimSensor> sensorsIn(String roomName) {
    return sensors.stream().filter(s -> s.room().equals(roomName)).toList();
  }
}
