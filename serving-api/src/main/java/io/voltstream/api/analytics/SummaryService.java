package io.voltstream.api.analytics;

import io.voltstream.api.analytics.dto.SummaryResponse;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.query.RegistryLookup;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Builds the system overview: registry counts, sensors active in the last five minutes (InfluxDB
 * {@code readings}), live WebSocket sessions and the latest room-metric totals.
 */
public final class SummaryService {

  static final Duration ACTIVE_WINDOW = Duration.ofMinutes(5);
  static final Duration LATEST_WINDOW_MAX_AGE = Duration.ofMinutes(10);

  private final InfluxReader influx;
  private final RegistryLookup registry;
  private final IntSupplier websocketConnections;
  private final Clock clock;

  public SummaryService(InfluxReader influx, RegistryLookup registry, IntSupplier websocketConnections, Clock clock) {
    this.influx = influx;
    this.registry = registry;
    this.websocketConnections = websocketConnections;
    this.clock = clock;
  }

  public SummaryResponse summary() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    var readings = Schema.READINGS;
    var metrics = Schema.ROOM_METRICS;
    int active = influx.query(InfluxQuery.of("SELECT count(*) FROM ").from(readings).text(" WHERE time >= ")
            .time(now.minus(ACTIVE_WINDOW)).text(" GROUP BY ").column(readings.sensorId))
        .size();

    double totalPower = 0;
    boolean anyPower = false;
    Instant latest = null;
    List<Series> lastPerRoom = influx.query(InfluxQuery.of("SELECT ")
        .aggregate("last", metrics.powerAvgW, readings.powerW.name()).text(" FROM ").from(metrics).text(" WHERE time >= ")
        .time(now.minus(LATEST_WINDOW_MAX_AGE)).text(" GROUP BY ").column(metrics.room));
    for (Series s : lastPerRoom) {
      for (List<Object> row : s.values()) {
        Double p = Series.number(row, s.column(readings.powerW));
        Double t = Series.number(row, s.column(Series.TIME));
        if (p != null) {
          totalPower += p;
          anyPower = true;
        }
        if (t != null && (latest == null || latest.toEpochMilli() < t.longValue())) {
          latest = Instant.ofEpochMilli(t.longValue());
        }
      }
    }

    Double energy = null;
    Double generation = null;
    List<Series> hour = influx.query(InfluxQuery.of("SELECT ").aggregate("sum", metrics.energyKwh).text(", ")
        .aggregate("sum", metrics.generationKwh).text(" FROM ").from(metrics).text(" WHERE time >= ")
        .time(now.minus(Duration.ofHours(1))));
    for (Series s : hour) {
      for (List<Object> row : s.values()) {
        energy = Series.number(row, s.column(metrics.energyKwh));
        generation = Series.number(row, s.column(metrics.generationKwh));
      }
    }
    return new SummaryResponse(registry.sensorCount(), active, registry.roomCount(), registry.buildingCount(),
        websocketConnections.getAsInt(), anyPower ? totalPower : null, energy, generation, latest, now);
  }
}
