package io.voltstream.api.roomdata;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.api.query.RegistryLookup;
import io.voltstream.api.query.Resolution;
import io.voltstream.api.query.TimeRange;
import io.voltstream.api.roomdata.dto.CurrentValues;
import io.voltstream.api.roomdata.dto.RoomDataPoint;
import io.voltstream.api.roomdata.dto.RoomDataResponse;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.model.Room;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A room's time series and current values from the InfluxDB measurement {@code room_metrics}
 * (one-minute windows written by the room-aggregation job), re-aggregated to the requested
 * resolution in InfluxDB (the cost: the sum of the windows' {@code cost_eur}, their net energy at
 * the building tariff as the room-aggregation job priced it), with the room's flexibility ({@code
 * down_now_kw} of {@code flexibility}, written by the flexibility job) as {@code flexibility_kw}. A
 * room unknown to the registry is still served when it has data in the range (rooms can come from
 * device payloads alone); with neither, the answer is 404. The room name arrives validated (the
 * controller checks it at the edge); the answer is cached by the controller, so the reader given
 * here should not cache again.
 */
public final class RoomDataService {
  private static final Schema.RoomMetrics M = Schema.ROOM_METRICS;
  private static final Schema.Readings R = Schema.READINGS;
  private static final Schema.Flexibility F = Schema.FLEXIBILITY;
  private static final String ROOM_SCOPE = "room";

  private final InfluxReader influx;
  private final RegistryLookup registry;
  private final QueryConfig config;

  public RoomDataService(InfluxReader influx, RegistryLookup registry, QueryConfig config) {
    this.influx = influx;
    this.registry = registry;
    this.config = config;
  }

  public RoomDataResponse roomData(String roomName, TimeRange range, Resolution resolution) {
    long buckets = range.length().toSeconds() / resolution.bucket().toSeconds() + 1;
    if (buckets > config.maxPoints()) {
      throw ApiException.invalid(
          new FieldError(
              "resolution",
              "range / resolution gives "
                  + buckets
                  + " points, more than the maximum of "
                  + config.maxPoints()
                  + "; use a coarser resolution"));
    }
    Optional<Room> room = registry.room(roomName);
    Metrics metrics = series(roomName, range, resolution);
    List<RoomDataPoint> series =
        withFlexibility(metrics.points(), flexibilitySeries(roomName, range, resolution));
    CurrentValues current =
        current(roomName, range).withFlexibilityKw(currentFlexibility(roomName, range));
    if (room.isEmpty()
        && series.isEmpty()
        && current.time() == null
        && current.flexibilityKw() == null) {
      throw ApiException.notFound(
          "room '" + roomName + "' is not registered and has no data in the range");
    }
    double energy = 0;
    double generation = 0;
    for (RoomDataPoint p : series) {
      energy += p.energyKwh() == null ? 0 : p.energyKwh();
      generation += p.generationKwh() == null ? 0 : p.generationKwh();
    }
    return new RoomDataResponse(
        roomName,
        room.map(Room::building).orElse(null),
        room.isPresent(),
        range.start(),
        range.end(),
        resolution.wireName(),
        current,
        series,
        new RoomDataResponse.Totals(energy, generation, metrics.costEur(), config.currency()));
  }

  /** The room's buckets and the sum of their {@code cost_eur} (null when no window was priced). */
  private record Metrics(List<RoomDataPoint> points, Double costEur) {}

  private Metrics series(String roomName, TimeRange range, Resolution resolution) {
    // Averages are answered under the names of the readings they average (power_w, co2_ppm, ...).
    InfluxQuery q =
        InfluxQuery.of("SELECT ")
            .aggregate("sum", M.energyKwh)
            .text(", ")
            .aggregate("mean", M.powerAvgW, R.powerW.name())
            .text(", ")
            .aggregate("max", M.powerMaxW)
            .text(", ")
            .aggregate("mean", M.co2AvgPpm, R.co2Ppm.name())
            .text(", ")
            .aggregate("mean", M.temperatureAvgC, R.temperatureC.name())
            .text(", ")
            .aggregate("mean", M.humidityAvgPercent, R.humidityPercent.name())
            .text(", ")
            .aggregate("sum", M.generationKwh)
            .text(", ")
            .aggregate("sum", M.sampleCount)
            .text(", ")
            .aggregate("sum", M.costEur)
            .text(" FROM ")
            .from(M)
            .text(" WHERE ")
            .eq(M.room, "name", roomName)
            .text(" AND time >= ")
            .time(range.start())
            .text(" AND time < ")
            .time(range.end())
            .text(" GROUP BY time(")
            .duration(resolution.bucket())
            .text(") fill(none)");
    List<RoomDataPoint> out = new ArrayList<>();
    Double cost = null;
    for (Series s : influx.query(q)) {
      int t = s.column(Series.TIME);
      int e = s.column(M.energyKwh);
      int p = s.column(R.powerW);
      int pm = s.column(M.powerMaxW);
      int c = s.column(R.co2Ppm);
      int temp = s.column(R.temperatureC);
      int h = s.column(R.humidityPercent);
      int g = s.column(M.generationKwh);
      int n = s.column(M.sampleCount);
      int costColumn = s.column(M.costEur);
      for (List<Object> row : s.values()) {
        Double count = Series.number(row, n);
        Double bucketCost = Series.number(row, costColumn);
        if (bucketCost != null) {
          cost = (cost == null ? 0 : cost) + bucketCost;
        }
        out.add(
            new RoomDataPoint(
                Instant.ofEpochMilli(Series.number(row, t).longValue()),
                Series.number(row, e),
                Series.number(row, p),
                Series.number(row, pm),
                Series.number(row, c),
                Series.number(row, temp),
                Series.number(row, h),
                Series.number(row, g),
                count == null ? null : count.longValue(),
                null));
      }
    }
    return new Metrics(out, cost);
  }

  /**
   * The room's mean downward flexibility now per bucket, from the flexibility job's room points.
   */
  private SortedMap<Instant, Double> flexibilitySeries(
      String roomName, TimeRange range, Resolution resolution) {
    InfluxQuery q =
        roomFlexibility(InfluxQuery.of("SELECT ").aggregate("mean", F.downNowKw), roomName, range)
            .text(" GROUP BY time(")
            .duration(resolution.bucket())
            .text(") fill(none)");
    SortedMap<Instant, Double> out = new TreeMap<>();
    for (Series s : influx.query(q)) {
      int t = s.column(Series.TIME);
      int kw = s.column(F.downNowKw);
      for (List<Object> row : s.values()) {
        Double v = Series.number(row, kw);
        if (v != null) {
          out.put(Instant.ofEpochMilli(Series.number(row, t).longValue()), v);
        }
      }
    }
    return out;
  }

  /** The room's latest {@code down_now_kw} in the range; null when there is none. */
  private Double currentFlexibility(String roomName, TimeRange range) {
    InfluxQuery q =
        roomFlexibility(InfluxQuery.of("SELECT ").column(F.downNowKw), roomName, range)
            .text(" ORDER BY time DESC LIMIT 1");
    for (Series s : influx.query(q)) {
      if (!s.values().isEmpty()) {
        return Series.number(s.values().get(0), s.column(F.downNowKw));
      }
    }
    return null;
  }

  private static InfluxQuery roomFlexibility(InfluxQuery select, String roomName, TimeRange range) {
    return select
        .text(" FROM ")
        .from(F)
        .text(" WHERE ")
        .eq(F.scope, "scope", ROOM_SCOPE)
        .text(" AND ")
        .eq(F.id, "name", roomName)
        .text(" AND time >= ")
        .time(range.start())
        .text(" AND time < ")
        .time(range.end());
  }

  /** Merges the flexibility buckets into the metric buckets (same bucket starts). */
  static List<RoomDataPoint> withFlexibility(
      List<RoomDataPoint> metrics, SortedMap<Instant, Double> flexibility) {
    if (flexibility.isEmpty()) {
      return metrics;
    }
    SortedMap<Instant, RoomDataPoint> merged = new TreeMap<>();
    metrics.forEach(p -> merged.put(p.time(), p));
    flexibility.forEach(
        (t, kw) ->
            merged.merge(
                t, RoomDataPoint.flexibilityOnly(t, kw), (m, f) -> m.withFlexibilityKw(kw)));
    return new ArrayList<>(merged.values());
  }

  private CurrentValues current(String roomName, TimeRange range) {
    InfluxQuery q =
        InfluxQuery.of("SELECT ")
            .columns(
                M.energyKwh,
                M.powerAvgW,
                M.co2AvgPpm,
                M.temperatureAvgC,
                M.humidityAvgPercent,
                M.generationKwh,
                M.costEur)
            .text(" FROM ")
            .from(M)
            .text(" WHERE ")
            .eq(M.room, "name", roomName)
            .text(" AND time >= ")
            .time(range.start())
            .text(" AND time < ")
            .time(range.end())
            .text(" ORDER BY time DESC LIMIT 1");
    for (Series s : influx.query(q)) {
      if (s.values().isEmpty()) {
        continue;
      }
      List<Object> row = s.values().get(0);
      return new CurrentValues(
          s.time(row),
          Series.number(row, s.column(M.energyKwh)),
          Series.number(row, s.column(M.powerAvgW)),
          Series.number(row, s.column(M.co2AvgPpm)),
          Series.number(row, s.column(M.temperatureAvgC)),
          Series.number(row, s.column(M.humidityAvgPercent)),
          Series.number(row, s.column(M.generationKwh)),
          null,
          Series.number(row, s.column(M.costEur)));
    }
    return CurrentValues.NONE;
  }
}
