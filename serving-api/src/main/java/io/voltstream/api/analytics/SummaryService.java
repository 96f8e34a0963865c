package io.voltstream.api.analytics;

import io.voltstream.api.analytics.dto.SummaryResponse;
import io.voltstream.api.influx.InfluxQuery;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.influx.Series;
import io.voltstream.api.query.RegistryLookup;
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
    int active = influx.query(InfluxQuery.of("SELECT count(*) FROM \"readings\" WHERE time >= ")
            .time(now.minus(ACTIVE_WINDOW)).text(" GROUP BY \"sensor_id\""))
        .size();

    double totalPower = 0;
    boolean anyPower = false;
    Instant latest = null;
    List<Series> lastPerRoom = influx.query(InfluxQuery.of("SELECT last(\"power_avg_w\") AS \"power_w\" FROM \"room_metrics\" WHERE time >= ")
        .time(now.minus(LATEST_WINDOW_MAX_AGE)).text(" GROUP BY \"room\""));
    for (Series s : lastPerRoom) {
      for (List<Object> row : s.values()) {
        Double p = Series.number(row, s.column("power_w"));
        Double t = Series.number(row, s.column("time"));
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
    List<Series> hour = influx.query(InfluxQuery.of("SELECT sum(\"energy_kwh\") AS \"energy_kwh\", sum(\"generation_kwh\") AS \"generation_kwh\""
        + " FROM \"room_metrics\" WHERE time >= ").time(now.minus(Duration.ofHours(1))));
    for (Series s : hour) {
      for (List<Object> row : s.values()) {
        energy = Series.number(row, s.column("energy_kwh"));
        generation = Series.number(row, s.column("generation_kwh"));
      }
    }
    return new SummaryResponse(registry.sensorCount(), active, registry.roomCount(), registry.buildingCount(),
        websocketConnections.getAsInt(), anyPower ? totalPower : null, energy, generation, latest, now);
  }
}
