package io.voltstream.api.forecast;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.forecast.dto.ForecastAccuracy;
import io.voltstream.api.forecast.dto.ForecastGuard;
import io.voltstream.api.forecast.dto.ForecastPoint;
import io.voltstream.api.forecast.dto.ForecastResponse;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the forecast service's output from InfluxDB: {@code forecasts} of the building (no {@code
 * room} tag) or of one room for the next hours (where several runs forecast the same hour, the most
 * recently issued wins) summed into resolution buckets with their P10/P90, and the latest {@code
 * forecast_accuracy} per lead band. Free of Javalin.
 */
public final class ForecastQueryService {
  private static final Schema.Forecasts F = Schema.FORECASTS;
  private static final String DAY_AHEAD = "day_ahead";

  /** The lead bands in the forecast service's order (legacy rows without a band last). */
  private static final List<String> BANDS =
      java.util.Arrays.asList("0-6h", "6-24h", DAY_AHEAD, null);

  private final InfluxReader influx;
  private final Clock clock;

  public ForecastQueryService(InfluxReader influx, Clock clock) {
    this.influx = influx;
    this.clock = clock;
  }

  /** One stored hourly forecast value with where it came from. */
  private record Hour(
      double valueKwh,
      Double p10Kwh,
      Double p90Kwh,
      long issuedAt,
      String modelId,
      boolean fallback,
      String reason,
      ForecastGuard guard) {}

  /** The building-wide forecast. */
  public ForecastResponse forecast(
      String building,
      String target,
      int horizonHours,
      Duration resolution,
      String resolutionName) {
    return forecast(building, null, target, horizonHours, resolution, resolutionName);
  }

  /** The forecast of one room with its own meters, or of the building when {@code room} is null. */
  public ForecastResponse forecast(
      String building,
      String room,
      String target,
      int horizonHours,
      Duration resolution,
      String resolutionName) {
    Instant from = clock.instant().truncatedTo(ChronoUnit.HOURS);
    Instant to = from.plus(Duration.ofHours(horizonHours));
    List<Series> series =
        influx.query(
            roomFilter(
                    InfluxQuery.of("SELECT ")
                        .columns(
                            F.valueKwh,
                            F.p10Kwh,
                            F.p90Kwh,
                            F.issuedAt,
                            F.modelId,
                            F.fallback,
                            F.fallbackReason,
                            F.candidateModelId,
                            F.guardSkill,
                            F.guardHours)
                        .text(" FROM ")
                        .from(F)
                        .text(" WHERE ")
                        .eq(F.building, "building", building)
                        .text(" AND ")
                        .eq(F.target, "target", target)
                        .text(" AND "),
                    room)
                .text(" AND time >= ")
                .time(from)
                .text(" AND time < ")
                .time(to));
    TreeMap<Instant, Hour> hours = new TreeMap<>();
    for (Series s : series) {
      int time = s.column(Series.TIME);
      int value = s.column(F.valueKwh);
      int issued = s.column(F.issuedAt);
      int model = s.column(F.modelId);
      int fallback = s.column(F.fallback);
      int reason = s.column(F.fallbackReason);
      int p10 = s.column(F.p10Kwh);
      int p90 = s.column(F.p90Kwh);
      int candidate = s.column(F.candidateModelId);
      int guardSkill = s.column(F.guardSkill);
      int guardHours = s.column(F.guardHours);
      for (List<Object> row : s.values()) {
        Double t = Series.number(row, time);
        Double v = Series.number(row, value);
        if (t == null || v == null) {
          continue;
        }
        Double i = Series.number(row, issued);
        String candidateId = Series.string(row, candidate);
        Double scored = Series.number(row, guardHours);
        var hour =
            new Hour(
                v,
                Series.number(row, p10),
                Series.number(row, p90),
                i == null ? 0 : i.longValue(),
                Series.string(row, model),
                "true".equals(Series.string(row, fallback)),
                Series.string(row, reason),
                candidateId == null
                    ? null
                    : new ForecastGuard(
                        candidateId,
                        Series.number(row, guardSkill),
                        scored == null ? null : scored.intValue()));
        hours.merge(
            Instant.ofEpochMilli(t.longValue()),
            hour,
            (a, b) -> b.issuedAt() > a.issuedAt() ? b : a);
      }
    }
    if (hours.isEmpty()) {
      throw ApiException.notFound(
          "no "
              + target
              + " forecast for building '"
              + building
              + (room == null ? "'" : "' room '" + room + "'")
              + " in the next "
              + horizonHours
              + " h (is the forecast service running?)");
    }
    Hour latest =
        hours.values().stream().max(Comparator.comparingLong(Hour::issuedAt)).orElseThrow();
    List<ForecastAccuracy> byLead = accuracyByLead(building, target);
    return new ForecastResponse(
        building,
        room,
        target,
        "kWh",
        Instant.ofEpochMilli(latest.issuedAt()),
        latest.modelId(),
        latest.fallback(),
        latest.reason(),
        latest.guard(),
        horizonHours,
        resolutionName,
        buckets(hours, from, resolution),
        byLead.stream().filter(a -> DAY_AHEAD.equals(a.leadBand())).findFirst().orElse(null),
        byLead);
  }

  /** {@code room = ''} selects the building-wide series (written without a room tag). */
  private static InfluxQuery roomFilter(InfluxQuery q, String room) {
    return room == null ? q.column(F.room).text(" = ''") : q.eq(F.room, "room", room);
  }

  /**
   * Sums hourly values into buckets aligned to {@code from}; a bucket has a P10/P90 only when every
   * hour in it has one.
   */
  static List<ForecastPoint> buckets(Map<Instant, Hour> hours, Instant from, Duration resolution) {
    TreeMap<Instant, double[]> sums = new TreeMap<>();
    long bucketMs = resolution.toMillis();
    hours.forEach(
        (t, h) -> {
          long offset = (t.toEpochMilli() - from.toEpochMilli()) / bucketMs * bucketMs;
          double[] sum = sums.computeIfAbsent(from.plusMillis(offset), k -> new double[3]);
          sum[0] += h.valueKwh();
          sum[1] += h.p10Kwh() == null ? Double.NaN : h.p10Kwh();
          sum[2] += h.p90Kwh() == null ? Double.NaN : h.p90Kwh();
        });
    var out = new ArrayList<ForecastPoint>();
    sums.forEach(
        (t, v) ->
            out.add(
                new ForecastPoint(
                    t, v[0], Double.isNaN(v[1]) ? null : v[1], Double.isNaN(v[2]) ? null : v[2])));
    return out;
  }

  /** The latest {@code forecast_accuracy} row of each lead band, in band order. */
  private List<ForecastAccuracy> accuracyByLead(String building, String target) {
    var a = Schema.FORECAST_ACCURACY;
    List<Series> series =
        influx.query(
            InfluxQuery.of("SELECT ")
                .columns(a.nrmsePercent, a.skill, a.maeKwh, a.hours, a.windowHours)
                .text(" FROM ")
                .from(a)
                .text(" WHERE ")
                .eq(a.building, "building", building)
                .text(" AND ")
                .eq(a.target, "target", target)
                .text(" GROUP BY ")
                .column(a.leadBand)
                .text(" ORDER BY time DESC LIMIT 1"));
    var out = new ArrayList<ForecastAccuracy>();
    for (Series s : series) {
      String band = s.tag(a.leadBand);
      for (List<Object> row : s.values()) {
        Double hours = Series.number(row, s.column(a.hours));
        Double window = Series.number(row, s.column(a.windowHours));
        out.add(
            new ForecastAccuracy(
                band == null || band.isEmpty() ? null : band,
                s.time(row),
                Series.number(row, s.column(a.nrmsePercent)),
                Series.number(row, s.column(a.skill)),
                Series.number(row, s.column(a.maeKwh)),
                hours == null ? null : hours.intValue(),
                window == null ? null : window.intValue()));
      }
    }
    out.sort(Comparator.comparingInt(r -> BANDS.indexOf(r.leadBand())));
    return out;
  }
}
