package io.voltstream.sim.building;

import io.voltstream.model.SensorType;
import io.voltstream.sim.device.RoomKind;
import io.voltstream.sim.device.load.LoadMix;
import io.voltstream.sim.device.pv.PvArray;
import io.voltstream.sim.payload.UnitStyle;
import java.time.ZoneId;
import java.util.List;

/**
 * A building seen only at its grid connection, as the community's extra buildings are: one room
 * {@code <id>-main} holding an aggregate consumption meter {@code <id>-meter} (energy, power,
 * voltage) and the PV meter {@code <id>-pv}. No indoor climate is simulated, which keeps the demo's
 * CPU modest.
 *
 * @param id building id
 * @param name label
 * @param address street address
 * @param latitudeDeg for the sun
 * @param longitudeDeg for the sun
 * @param zone local time of the load shapes
 * @param floorAreaM2 the main room's (= the building's) floor area
 * @param load what the aggregate meter sees
 * @param pv the PV array on the roof
 * @param meterUnits the units the aggregate meter writes
 */
public record MeteredBuilding(
    String id,
    String name,
    String address,
    double latitudeDeg,
    double longitudeDeg,
    ZoneId zone,
    double floorAreaM2,
    LoadMix load,
    PvArray pv,
    UnitStyle meterUnits) {

  public String mainRoom() {
    return id + "-main";
  }

  public String meterId() {
    return id + "-meter";
  }

  public String pvSensorId() {
    return id + "-pv";
  }

  /** The layout: the main room with both meters; no demand-response settings of its own. */
  public BuildingLayout layout() {
    return new BuildingLayout(
        id,
        name,
        address,
        latitudeDeg,
        longitudeDeg,
        zone,
        pv,
        List.of(new SimRoom(mainRoom(), RoomKind.WHOLE_BUILDING, floorAreaM2, load)),
        List.of(
            new SimSensor(
                meterId(),
                mainRoom(),
                SensorType.ENERGY,
                1.0,
                meterUnits,
                name + " main meter",
                false),
            new SimSensor(
                pvSensorId(),
                mainRoom(),
                SensorType.PV,
                1.0,
                UnitStyle.METRIC_WH,
                name + " PV",
                false)),
        null);
  }
}
