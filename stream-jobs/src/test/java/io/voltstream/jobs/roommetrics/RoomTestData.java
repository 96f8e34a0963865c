package io.voltstream.jobs.roommetrics;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Duration;
import java.time.Instant;

/** Named instants and reading factories shared by the room-aggregation tests. */
public final class RoomTestData {

  /** A minute boundary: windows in the tests start here. */
  public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private RoomTestData() {}

  public static Instant at(Duration offset) {
    return T0.plus(offset);
  }

  public static Instant atSeconds(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /** A meter reading with energy and power only. */
  public static SensorReading meter(
      String sensorId, String room, Instant ts, double energyKwh, double powerW) {
    return new SensorReading(
        sensorId,
        ts,
        room,
        SensorType.ENERGY,
        energyKwh,
        powerW,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A climate reading with CO2, temperature and humidity only. */
  public static SensorReading climate(
      String sensorId, String room, Instant ts, double co2Ppm, double tempC, double humidity) {
    return new SensorReading(
        sensorId,
        ts,
        room,
        SensorType.MULTI,
        null,
        null,
        co2Ppm,
        tempC,
        humidity,
        null,
        null,
        null);
  }

  /** A PV meter reading with generation only. */
  public static SensorReading pv(String sensorId, String room, Instant ts, double generationKwh) {
    return new SensorReading(
        sensorId, ts, room, SensorType.PV, null, null, null, null, null, null, generationKwh, null);
  }
}
