package io.voltstream.api.sensors.dto;

import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;

/** A registered sensor with its room's building. */
public record SensorResponse(
    String sensorId,
    String room,
    String building,
    SensorType sensorType,
    String name,
    Boolean drEnabled) {
  public static SensorResponse from(Sensor s, String building) {
    return new SensorResponse(
        s.sensorId(), s.room(), building, s.sensorType(), s.name(), s.drEnabled());
  }
}
