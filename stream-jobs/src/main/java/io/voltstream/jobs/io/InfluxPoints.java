package io.voltstream.jobs.io;

import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import java.util.Locale;

/**
 * Maps model records to InfluxDB line protocol (millisecond precision) for the measurements
 * declared in the influx module's {@link Schema}. Pure and deterministic: the same record always
 * gives the same series (measurement + tags) and timestamp, so replaying Kafka overwrites points
 * instead of duplicating them. A record without any field gives the empty string, which {@link
 * InfluxSink} counts as rejected instead of sending.
 */
public final class InfluxPoints {
  private InfluxPoints() {}

  /** Measurement {@code readings}: one field per metric present; time = event time. */
  public static String reading(SensorReading r) {
    var m = Schema.READINGS;
    return LinePoint.of(m)
        .tag(m.sensorId, r.sensorId())
        .tag(m.room, isBlank(r.room()) ? Schema.Readings.UNASSIGNED : r.room())
        .tag(m.sensorType, r.sensorType().wireName())
        .field(m.energyKwh, r.energyKwh())
        .field(m.powerW, r.powerW())
        .field(m.co2Ppm, r.co2Ppm())
        .field(m.temperatureC, r.temperatureC())
        .field(m.humidityPercent, r.humidityPercent())
        .field(m.voltageV, r.voltageV())
        .field(m.generationKwh, r.generationKwh())
        .time(r.timestamp())
        .toLine();
  }

  /** Measurement {@code room_metrics}: time = window start. */
  public static String roomMetrics(RoomMetrics r) {
    var m = Schema.ROOM_METRICS;
    return LinePoint.of(m)
        .tag(m.room, r.room())
        .tag(m.building, r.building())
        .field(m.energyKwh, r.energyKwh())
        .field(m.powerAvgW, r.powerAvgW())
        .field(m.powerMaxW, r.powerMaxW())
        .field(m.co2AvgPpm, r.co2AvgPpm())
        .field(m.temperatureAvgC, r.temperatureAvgC())
        .field(m.humidityAvgPercent, r.humidityAvgPercent())
        .field(m.generationKwh, r.generationKwh())
        .field(m.sampleCount, r.sampleCount())
        .time(r.windowStart())
        .toLine();
  }

  /** Measurement {@code events}: room and sensor tags when present; time = event time. */
  public static String event(SystemEvent e) {
    var m = Schema.EVENTS;
    return LinePoint.of(m)
        .tag(m.kind, e.kind())
        .tag(m.severity, e.severity() == null ? null : e.severity().name().toLowerCase(Locale.ROOT))
        .tag(m.room, e.room())
        .tag(m.sensorId, e.sensorId())
        .field(m.message, e.message())
        .field(m.value, e.value())
        .field(m.threshold, e.threshold())
        .field(m.eventId, e.eventId())
        .time(e.timestamp())
        .toLine();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
