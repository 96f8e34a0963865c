package io.voltstream.sim.building;

import io.voltstream.model.SensorType;
import io.voltstream.sim.payload.UnitStyle;

/**
 * A simulated device: where it is, what it measures, which share of its room's load its meter sees
 * (the room's load is split evenly among the room's meters) and the units it writes.
 */
public record SimSensor(
    String sensorId,
    String room,
    SensorType sensorType,
    double loadShare,
    UnitStyle units,
    String displayName,
    boolean drEnabled) {

  /** MQTT topic of this device's readings (design §3). */
  public String readingsTopic() {
    return "sensors/" + sensorId + "/readings";
  }
}
