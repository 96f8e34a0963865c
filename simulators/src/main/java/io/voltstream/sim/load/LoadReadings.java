package io.voltstream.sim.load;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Instant;

/**
 * Builds the benchmark's synthetic readings: sensor {@code n} (round robin) in room {@code n mod
 * rooms}, carrying the first {@code metrics} of power, energy, temperature, humidity, CO2, voltage
 * and generation, with plausible values. Pure apart from the given sequence number.
 */
public final class LoadReadings {
  private LoadReadings() {}

  public static String sensorId(String prefix, int index) {
    return prefix + "sensor-" + index;
  }

  public static String room(String prefix, int sensorIndex, int rooms) {
    return prefix + "room-" + (sensorIndex % rooms);
  }

  /** Reading number {@code sequence} of sensor {@code sensorIndex}, stamped {@code timestamp}. */
  public static SensorReading reading(
      String prefix, int sensorIndex, int rooms, int metrics, long sequence, Instant timestamp) {
    double wave = Math.sin((sequence + sensorIndex) * 0.1);
    double powerW = 400 + 300 * wave + (sensorIndex % 17) * 10;
    return new SensorReading(
        sensorId(prefix, sensorIndex),
        timestamp,
        room(prefix, sensorIndex, rooms),
        SensorType.MULTI,
        metrics >= 2 ? powerW / 3600.0 / 1000.0 : null,
        powerW,
        metrics >= 5 ? 500 + 200 * (wave + 1) : null,
        metrics >= 3 ? 21 + wave : null,
        metrics >= 4 ? 45 + 5 * wave : null,
        metrics >= 6 ? 230 + wave : null,
        metrics >= 7 ? Math.max(0, wave) * 0.001 : null,
        null);
  }
}
