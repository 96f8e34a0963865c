package io.voltstream.jobs.io;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Named instants and reading factories for the io and rawstore tests. */
public final class IoTestData {
  /** Event time of reading 0; reading i is {@code i} seconds later. */
  public static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  public static final int SENSORS = 10;

  private IoTestData() {}

  /**
   * Reading {@code i}: sensor {@code s<i % 10>}, room {@code room-<i % 3>} (null for sensor s9),
   * energy i/1000 kWh, power i W.
   */
  public static SensorReading reading(long i) {
    int sensor = (int) (i % SENSORS);
    String room = sensor == 9 ? null : "room-" + (i % 3);
    return new SensorReading(
        "s" + sensor,
        T0.plusSeconds(i),
        room,
        SensorType.MULTI,
        i / 1000.0,
        (double) i,
        null,
        null,
        null,
        null,
        null,
        T0);
  }

  public static List<SensorReading> readings(int count) {
    List<SensorReading> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(reading(i));
    }
    return list;
  }

  /** Sum of power_w over readings 0..count-1. */
  public static double powerSum(int count) {
    return (double) count * (count - 1) / 2;
  }
}
