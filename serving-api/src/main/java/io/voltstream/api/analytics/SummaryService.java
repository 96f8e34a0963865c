package io.voltstream.api.analytics;

import io.voltstream.api.analytics.dto.SummaryResponse;
import io.voltstream.api.analytics.dto.SystemOverview;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.query.RegistryLookup;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Builds the system overview: registry counts, sensors active in the last five minutes (InfluxDB
 * {@code readings}), live WebSocket sessions and the latest room-metric totals; of the whole system
 * or of a {@link Part} of it (a scoped token's); in the {@code system_overview} shape also the
 * batteries (capacity from the registry, latest SoC from {@code battery_state}) and DR-enabled
 * sensors. Sensors and rooms are told apart by their InfluxDB tags.
 */
public final class SummaryService {

  /**
   * The part of the system a summary covers: which rooms and sensors count (their tag values), and
   * the registry counts of that part.
   */
  public record Part(
      Predicate<String> room,
      Predicate<String> sensor,
      int sensors,
      int rooms,
      int buildings,
      List<BatterySpec> batteries,
      int drEnabledSensors,
      Predicate<String> building) {

    /** A part whose buildings all count (no building filter). */
    public Part(
        Predicate<String> room,
        Predicate<String> sensor,
        int sensors,
        int rooms,
        int buildings,
        List<BatterySpec> batteries,
        int drEnabledSensors) {
      this(room, sensor, sensors, rooms, buildings, batteries, drEnabledSensors, b -> true);
    }
  }

  /**
   * Demand-response figures of the buildings a predicate accepts: opted-in events running now, and
   * the sum of the buildings' latest downward flexibility now [kW] (null when none reported).
   */
  public record DrFigures(
      ToIntFunction<Predicate<String>> activeEvents,
      Function<Predicate<String>, Double> flexibilityAvailableKw) {
    /** No demand response wired: 0 events, no flexibility. */
    public static final DrFigures NONE = new DrFigures(b -> 0, b -> null);
  }

  static final Duration ACTIVE_WINDOW = Duration.ofMinutes(5);
  static final Duration LATEST_WINDOW_MAX_AGE = Duration.ofMinutes(10);

  private final InfluxReader influx;
  private final RegistryLookup registry;
  private final IntSupplier websocketConnections;
  private final Clock clock;
  private final DrFigures dr;

  public SummaryService(
      InfluxReader influx, RegistryLookup registry, IntSupplier websocketConnections, Clock clock) {
    this(influx, registry, websocketConnections, clock, DrFigures.NONE);
  }

  public SummaryService(
      InfluxReader influx,
      RegistryLookup registry,
      IntSupplier websocketConnections,
      Clock clock,
      DrFigures dr) {
    this.influx = influx;
    this.registry = registry;
    this.websocketConnections = websocketConnections;
    this.clock = clock;
    this.dr = dr;
  }

  /** The whole system. */
  public SummaryResponse summary() {
    return summary(
        new Part(
            room -> true,
            sensor -> true,
            registry.sensorCount(),
            registry.roomCount(),
            registry.buildingCount(),
            registry.batteries(),
            registry.drEnabledSensorCount()));
  }

  public SummaryResponse summary(Part part) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    var readings = Schema.READINGS;
    var metrics = Schema.ROOM_METRICS;
    int active =
        (int)
            influx
                .query(
                    InfluxQuery.of("SELECT count(*) FROM ")
                        .from(readings)
                        .text(" WHERE time >= ")
                        .time(now.minus(ACTIVE_WINDOW))
                        .text(" GROUP BY ")
                        .column(readings.sensorId))
                .stream()
                .filter(s -> part.sensor().test(s.tags().get(readings.sensorId.name())))
                .count();

    double totalPower = 0;
    boolean anyPower = false;
    Instant latest = null;
    List<Series> lastPerRoom =
        influx.query(
            InfluxQuery.of("SELECT ")
                .aggregate("last", metrics.powerAvgW, readings.powerW.name())
                .text(" FROM ")
                .from(metrics)
                .text(" WHERE time >= ")
                .time(now.minus(LATEST_WINDOW_MAX_AGE))
                .text(" GROUP BY ")
                .column(metrics.room));
    for (Series s : lastPerRoom) {
      if (!part.room().test(s.tags().get("room"))) {
        continue;
      }
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
    List<Series> hour =
        influx.query(
            InfluxQuery.of("SELECT ")
                .aggregate("sum", metrics.energyKwh)
                .text(", ")
                .aggregate("sum", metrics.generationKwh)
                .text(" FROM ")
                .from(metrics)
                .text(" WHERE time >= ")
                .time(now.minus(Duration.ofHours(1)))
                .text(" GROUP BY ")
                .column(metrics.room));
    for (Series s : hour) {
      if (!part.room().test(s.tags().get("room"))) {
        continue;
      }
      for (List<Object> row : s.values()) {
        energy = plus(energy, Series.number(row, s.column(metrics.energyKwh)));
        generation = plus(generation, Series.number(row, s.column(metrics.generationKwh)));
      }
    }
    SystemOverview overview =
        new SystemOverview(
            new SystemOverview.SensorService(
                part.sensors(), active, part.rooms(), part.buildings()),
            batteries(part.batteries(), now),
            new SystemOverview.DemandResponseService(
                part.drEnabledSensors(),
                dr.activeEvents().applyAsInt(part.building()),
                dr.flexibilityAvailableKw().apply(part.building())));
    return new SummaryResponse(
        part.sensors(),
        active,
        part.rooms(),
        part.buildings(),
        websocketConnections.getAsInt(),
        anyPower ? totalPower : null,
        energy,
        generation,
        latest,
        now,
        overview);
  }

  private SystemOverview.BatteryService batteries(List<BatterySpec> batteries, Instant now) {
    if (batteries.isEmpty()) {
      return new SystemOverview.BatteryService(0, 0, null);
    }
    var m = Schema.BATTERY_STATE;
    Set<String> ids = batteries.stream().map(BatterySpec::id).collect(Collectors.toSet());
    double socSum = 0;
    int reporting = 0;
    for (Series s :
        influx.query(
            InfluxQuery.of("SELECT ")
                .aggregate("last", m.socPercent)
                .text(" FROM ")
                .from(m)
                .text(" WHERE time >= ")
                .time(now.minus(LATEST_WINDOW_MAX_AGE))
                .text(" GROUP BY ")
                .column(m.batteryId))) {
      if (!ids.contains(s.tag(m.batteryId))) {
        continue;
      }
      for (List<Object> row : s.values()) {
        Double soc = Series.number(row, s.column(m.socPercent));
        if (soc != null) {
          socSum += soc;
          reporting++;
        }
      }
    }
    return new SystemOverview.BatteryService(
        batteries.size(),
        batteries.stream().mapToDouble(BatterySpec::capacityKwh).sum(),
        reporting == 0 ? null : socSum / reporting);
  }

  /** Sums per-room values; null while no room reported the field. */
  private static Double plus(Double sum, Double value) {
    return value == null ? sum : sum == null ? value : sum + value;
  }
}
