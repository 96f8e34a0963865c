package io.voltstream.forecast.streaming;

import io.voltstream.forecast.guard.ProductionGuard;
import io.voltstream.influx.Column;
import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a building's forecasts back from {@code forecasts} (the building-wide ones: no {@code room}
 * tag). Every run's forecast of an hour is kept under its lead; where runs at the same origin left
 * points in different series (a model and later a fallback), the most recently issued wins.
 */
public final class StoredForecasts {
  private StoredForecasts() {}

  /**
   * Whether the most recent run before {@code before} (within {@code lookback}) served the
   * persistence ensemble because the production guard preferred it ({@code fallback_reason =
   * guard_baseline_better} on its lead-0 point); empty when no run left a point in that window.
   * {@code room} null = the whole building. This is the guard's memory across a restart.
   */
  public static Optional<Boolean> lastServedByGuardBaseline(
      InfluxClient influx,
      String building,
      String room,
      ForecastTarget target,
      Instant before,
      Duration lookback) {
    var f = Schema.FORECASTS;
    InfluxQuery q =
        select(building, room, target, f.issuedAt, f.fallbackReason)
            .text(" AND ")
            .column(f.lead)
            .text(" = '0' AND time >= ")
            .time(before.minus(lookback))
            .text(" AND time < ")
            .time(before);
    double latestIssued = Double.NEGATIVE_INFINITY;
    Boolean baseline = null;
    for (Series s : influx.query(q)) {
      for (List<Object> row : s.values()) {
        Double issued = Series.number(row, s.column(f.issuedAt));
        if (issued != null && issued > latestIssued) {
          latestIssued = issued;
          int reason = s.column(f.fallbackReason);
          baseline = reason >= 0 && ProductionGuard.BASELINE_BETTER.equals(row.get(reason));
        }
      }
    }
    return Optional.ofNullable(baseline);
  }

  /** Hour → lead (hours) → value (kWh), for forecast hours in [from, to). */
  public static Map<Instant, Map<Integer, Double>> byHourAndLead(
      InfluxClient influx, String building, ForecastTarget target, Instant from, Instant to) {
    var f = Schema.FORECASTS;
    InfluxQuery q =
        select(building, null, target, f.valueKwh, f.issuedAt, f.leadHours)
            .text(" AND time >= ")
            .time(from)
            .text(" AND time < ")
            .time(to);
    Map<Instant, Map<Integer, double[]>> best = new HashMap<>();
    for (Series s : influx.query(q)) {
      for (List<Object> row : s.values()) {
        Instant hour = s.time(row);
        Double issued = Series.number(row, s.column(f.issuedAt));
        Double value = Series.number(row, s.column(f.valueKwh));
        Double lead = Series.number(row, s.column(f.leadHours));
        if (value == null || lead == null) {
          continue;
        }
        double issuedMs = issued == null ? Double.NEGATIVE_INFINITY : issued;
        best.computeIfAbsent(hour, h -> new HashMap<>())
            .merge(lead.intValue(), new double[] {issuedMs, value}, (a, b) -> b[0] > a[0] ? b : a);
      }
    }
    Map<Instant, Map<Integer, Double>> out = new TreeMap<>();
    best.forEach(
        (h, leads) -> {
          Map<Integer, Double> values = new TreeMap<>();
          leads.forEach((lead, v) -> values.put(lead, v[1]));
          out.put(h, values);
        });
    return out;
  }

  /**
   * {@code SELECT columns FROM forecasts WHERE building = … AND target = … AND room = …}: {@code
   * room} null = the building-wide series (no {@code room} tag).
   */
  private static InfluxQuery select(
      String building, String room, ForecastTarget target, Column... columns) {
    var f = Schema.FORECASTS;
    InfluxQuery q =
        InfluxQuery.of("SELECT ")
            .columns(columns)
            .text(" FROM ")
            .from(f)
            .text(" WHERE ")
            .eq(f.building, "building", building)
            .text(" AND ")
            .eq(f.target, "target", target.id())
            .text(" AND ");
    return room == null ? q.column(f.room).text(" = ''") : q.eq(f.room, "room", room);
  }
}
