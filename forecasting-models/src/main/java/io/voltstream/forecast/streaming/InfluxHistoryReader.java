package io.voltstream.forecast.streaming;

import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.model.EntityId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a building's (or one room's) hourly history from {@code room_metrics}: the sum over the
 * building's rooms of {@code energy_kwh} (consumption) or {@code generation_kwh} (generation) per
 * hour. Hours without a row are {@code NaN}. Also lists the rooms that have their own meters.
 */
public final class InfluxHistoryReader {
  private static final String UNASSIGNED = "unassigned";
  private final InfluxClient influx;

  public InfluxHistoryReader(InfluxClient influx) {
    this.influx = influx;
  }

  /** Hourly history of the whole building in [from, to), both truncated to the hour. */
  public HourlySeries hourly(String building, ForecastTarget target, Instant from, Instant to) {
    return hourly(building, null, target, from, to);
  }

  /** As {@link #hourly(String, ForecastTarget, Instant, Instant)}, of one room when not null. */
  public HourlySeries hourly(
      String building, String room, ForecastTarget target, Instant from, Instant to) {
    Instant start = from.truncatedTo(ChronoUnit.HOURS);
    Instant end = to.truncatedTo(ChronoUnit.HOURS);
    int n = (int) Duration.between(start, end).toHours();
    double[] values = new double[Math.max(0, n)];
    Arrays.fill(values, Double.NaN);
    var m = Schema.ROOM_METRICS;
    InfluxQuery q =
        InfluxQuery.of("SELECT ")
            .aggregate("sum", target.roomMetricsField(), "v")
            .text(" FROM ")
            .from(m)
            .text(" WHERE ")
            .eq(m.building, "building", building);
    if (room != null) {
      q.text(" AND ").eq(m.room, "room", room);
    }
    q.text(" AND time >= ")
        .time(start)
        .text(" AND time < ")
        .time(end)
        .text(" GROUP BY time(1h) fill(none)");
    for (Series s : influx.query(q)) {
      int v = s.column("v");
      for (List<Object> row : s.values()) {
        int i = (int) ((s.time(row).toEpochMilli() - start.toEpochMilli()) / 3_600_000L);
        Double value = Series.number(row, v);
        if (i >= 0 && i < values.length) {
          values[i] = value == null ? Double.NaN : value;
        }
      }
    }
    return HourlySeries.of(start, values);
  }

  /**
   * Rooms of the building with their own consumption meter: a room tag with {@code energy_kwh} rows
   * in [from, to), except {@code unassigned} (readings without a room) and names that are not safe
   * identifiers.
   */
  public List<String> meteredRooms(String building, Instant from, Instant to) {
    var m = Schema.ROOM_METRICS;
    InfluxQuery q =
        InfluxQuery.of("SELECT ")
            .aggregate("count", m.energyKwh, "n")
            .text(" FROM ")
            .from(m)
            .text(" WHERE ")
            .eq(m.building, "building", building)
            .text(" AND time >= ")
            .time(from)
            .text(" AND time < ")
            .time(to)
            .text(" GROUP BY ")
            .column(m.room);
    var rooms = new java.util.TreeSet<String>();
    for (Series s : influx.query(q)) {
      String room = s.tag(m.room);
      if (room != null && !UNASSIGNED.equals(room) && EntityId.isValid(room)) {
        rooms.add(room);
      }
    }
    return List.copyOf(rooms);
  }
}
