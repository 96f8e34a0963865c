package io.voltstream.jobs.io;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;

/**
 * Maps model records to InfluxDB line protocol (millisecond precision). Pure and deterministic:
 * the same record always gives the same series (measurement + tags) and timestamp, so replaying
 * Kafka overwrites points instead of duplicating them. Escaping is left to influxdb-client-java's
 * {@link Point}. A record without any field gives the empty string, which {@link InfluxSink} counts
 * as rejected instead of sending.
 */
public final class InfluxPoints {
  public static final String READINGS = "readings";
  public static final String ROOM_METRICS = "room_metrics";
  public static final String EVENTS = "events";
  /** Room tag of readings whose sensor has no room in the payload or the registry. */
  public static final String UNASSIGNED = "unassigned";

  private InfluxPoints() {}

  /** Measurement {@code readings}: tags sensor_id, room, sensor_type; one field per metric present; time = event time. */
  public static String reading(SensorReading r) {
    Point p = Point.measurement(READINGS)
        .addTag("sensor_id", r.sensorId())
        .addTag("room", isBlank(r.room()) ? UNASSIGNED : r.room())
        .addTag("sensor_type", r.sensorType().wireName())
        .time(r.timestamp().toEpochMilli(), WritePrecision.MS);
    field(p, "energy_kwh", r.energyKwh());
    field(p, "power_w", r.powerW());
    field(p, "co2_ppm", r.co2Ppm());
    field(p, "temperature_c", r.temperatureC());
    field(p, "humidity_percent", r.humidityPercent());
    field(p, "voltage_v", r.voltageV());
    field(p, "generation_kwh", r.generationKwh());
    return line(p);
  }

  /** Measurement {@code room_metrics}: tags room, building; time = window start. */
  public static String roomMetrics(RoomMetrics m) {
    Point p = Point.measurement(ROOM_METRICS)
        .addTag("room", m.room())
        .addTag("building", m.building())
        .time(m.windowStart().toEpochMilli(), WritePrecision.MS);
    field(p, "energy_kwh", m.energyKwh());
    field(p, "power_avg_w", m.powerAvgW());
    field(p, "power_max_w", m.powerMaxW());
    field(p, "co2_avg_ppm", m.co2AvgPpm());
    field(p, "temperature_avg_c", m.temperatureAvgC());
    field(p, "humidity_avg_percent", m.humidityAvgPercent());
    field(p, "generation_kwh", m.generationKwh());
    p.addField("sample_count", m.sampleCount());
    return line(p);
  }

  /** Measurement {@code events}: tags kind, severity, room and sensor_id when present; time = event time. */
  public static String event(SystemEvent e) {
    Point p = Point.measurement(EVENTS)
        .addTag("kind", e.kind())
        .addTag("severity", e.severity() == null ? null : e.severity().name().toLowerCase(java.util.Locale.ROOT))
        .addTag("room", e.room())
        .addTag("sensor_id", e.sensorId())
        .time(e.timestamp().toEpochMilli(), WritePrecision.MS);
    if (e.message() != null) {
      p.addField("message", e.message());
    }
    field(p, "value", e.value());
    field(p, "threshold", e.threshold());
    if (e.eventId() != null) {
      p.addField("event_id", e.eventId());
    }
    return line(p);
  }

  private static void field(Point p, String name, Double value) {
    if (value != null && Double.isFinite(value)) {
      p.addField(name, value.doubleValue());
    }
  }

  private static String line(Point p) {
    return p.hasFields() ? p.toLineProtocol() : "";
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
