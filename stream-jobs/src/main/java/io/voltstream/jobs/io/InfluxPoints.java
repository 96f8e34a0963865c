package io.voltstream.jobs.io;

import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.command.CommandStatus;
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
        .field(m.costEur, r.costEur())
        .time(r.windowStart())
        .toLine();
  }

  /** Measurement {@code events}: building, room and sensor tags when present; time = event time. */
  public static String event(SystemEvent e) {
    var m = Schema.EVENTS;
    return LinePoint.of(m)
        .tag(m.kind, e.kind())
        .tag(m.severity, e.severity() == null ? null : e.severity().name().toLowerCase(Locale.ROOT))
        .tag(m.building, e.building())
        .tag(m.room, e.room())
        .tag(m.sensorId, e.sensorId())
        .field(m.message, e.message())
        .field(m.value, e.value())
        .field(m.threshold, e.threshold())
        .field(m.eventId, e.eventId())
        .time(e.timestamp())
        .toLine();
  }

  /**
   * Measurement {@code commands}: one point per command at its issue time, so each newer status
   * rewrites the same point (same series and time).
   */
  public static String command(CommandStatus s) {
    var m = Schema.COMMANDS;
    return LinePoint.of(m)
        .tag(m.target, s.target())
        .tag(m.targetKind, lower(s.targetKind()))
        .tag(m.source, lower(s.source()))
        .tag(m.building, isBlank(s.building()) ? Schema.Readings.UNASSIGNED : s.building())
        .field(m.commandId, s.commandId())
        .field(m.kind, lower(s.kind()))
        .field(m.status, lower(s.state()))
        .field(
            m.mode,
            s.battery() != null
                ? lower(s.battery().mode())
                : s.device() == null ? null : lower(s.device().action()))
        .field(m.powerW, s.battery() == null ? null : s.battery().powerW())
        .field(m.value, s.device() == null ? null : s.device().value())
        .field(m.reason, s.reason())
        .field(m.validUntil, s.validUntil() == null ? null : s.validUntil().toEpochMilli())
        .field(m.statusAt, s.at().toEpochMilli())
        .field(m.ackLatencyMs, s.ackLatency() == null ? null : s.ackLatency().toMillis())
        .time(s.issuedAt() == null ? s.at() : s.issuedAt())
        .toLine();
  }

  /** Measurement {@code battery_state}: time = event time; {@code building} from the registry. */
  public static String batteryState(BatteryTelemetry t, String building) {
    var m = Schema.BATTERY_STATE;
    return LinePoint.of(m)
        .tag(m.batteryId, t.batteryId())
        .tag(m.building, isBlank(building) ? Schema.Readings.UNASSIGNED : building)
        .field(m.socPercent, t.socPercent())
        .field(m.powerW, t.powerW())
        .field(m.capacityKwh, t.capacityKwh())
        .field(m.maxChargeW, t.maxChargeW())
        .field(m.maxDischargeW, t.maxDischargeW())
        .field(m.sohPercent, t.sohPercent())
        .field(m.mode, t.mode())
        .field(m.commandId, t.commandId())
        .time(t.timestamp())
        .toLine();
  }

  /**
   * Measurement {@code flexibility}: one point per device, room and building and evaluation; time =
   * evaluation time; room tag {@code none} for a building.
   */
  public static String flexibility(FlexibilityReport f) {
    var m = Schema.FLEXIBILITY;
    return LinePoint.of(m)
        .tag(m.building, f.building())
        .tag(m.scope, lower(f.scope()))
        .tag(m.id, f.id())
        .tag(m.room, isBlank(f.room()) ? Schema.Flexibility.NO_ROOM : f.room())
        .field(m.upNowKw, f.upNowKw())
        .field(m.downNowKw, f.downNowKw())
        .field(m.upHourKw, f.upHourKw())
        .field(m.downHourKw, f.downHourKw())
        .field(m.powerW, f.powerW())
        .field(m.state, f.state())
        .time(f.at())
        .toLine();
  }

  private static String lower(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
