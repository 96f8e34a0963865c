package io.voltstream.api.forecast;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.forecast.dto.ForecastAccuracy;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the forecast service's output from InfluxDB: {@code forecasts} for the next hours (where
 * runs with different models left points at the same hour, the most recently issued wins) summed
 * into resolution buckets, and the latest {@code forecast_accuracy}. Free of Javalin.
 */
public final class ForecastQueryService {
  private static final Schema.Forecasts F = Schema.FORECASTS;
  private final InfluxReader influx;
  private final Clock clock;

  public ForecastQueryService(InfluxReader influx, Clock clock) {
    this.influx = influx;
    this.clock = clock;
  }

  /** One stored hourly forecast value with where it came from. */
  private record Hour(
      double valueKwh, long issuedAt, String modelId, boolean fallback, String reason) {}

  public ForecastResponse forecast(
      String building,
      String target,
      int horizonHours,
      Duration resolution,
      String resolutionName) {
    Instant from = clock.instant().truncatedTo(ChronoUnit.HOURS);
    Instant to = from.plus(Duration.ofHours(horizonHours));
    List<Series> series =
        influx.query(
            InfluxQuery.of("SELECT ")
                .columns(F.valueKwh, F.issuedAt, F.modelId, F.fallback, F.fallbackReason)
                .text(" FROM ")
                .from(F)
                .text(" WHERE ")
                .eq(F.building, "building", building)
                .text(" AND ")
                .eq(F.target, "target", target)
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
      for (List<Object> row : s.values()) {
        Double t = Series.number(row, time);
        Double v = Series.number(row, value);
        if (t == null || v == null) {
          continue;
        }
        Double i = Series.number(row, issued);
        var hour =
            new Hour(
                v,
                i == null ? 0 : i.longValue(),
                Series.string(row, model),
                "true".equals(Series.string(row, fallback)),
                Series.string(row, reason));
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
              + "' in the next "
              + horizonHours
              + " h (is the forecast service running?)");
    }
    Hour latest =
        hours.values().stream()
            .max(java.util.Comparator.comparingLong(Hour::issuedAt))
            .orElseThrow();
    return new ForecastResponse(
        building,
        target,
        "kWh",
        Instant.ofEpochMilli(latest.issuedAt()),
        latest.modelId(),
        latest.fallback(),
        latest.reason(),
        horizonHours,
        resolutionName,
        buckets(hours, from, resolution),
        accuracy(building, target));
  }

  /** Sums hourly values into buckets aligned to {@code from}. */
  static List<ForecastPoint> buckets(Map<Instant, Hour> hours, Instant from, Duration resolution) {
    TreeMap<Instant, Double> sums = new TreeMap<>();
    long bucketMs = resolution.toMillis();
    hours.forEach(
        (t, h) -> {
          long offset = (t.toEpochMilli() - from.toEpochMilli()) / bucketMs * bucketMs;
          sums.merge(from.plusMillis(offset), h.valueKwh(), Double::sum);
        });
    var out = new ArrayList<ForecastPoint>();
    sums.forEach((t, v) -> out.add(new ForecastPoint(t, v)));
    return out;
  }

  private ForecastAccuracy accuracy(String building, String target) {
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
                .text(" ORDER BY time DESC LIMIT 1"));
    for (Series s : series) {
      for (List<Object> row : s.values()) {
        Double hours = Series.number(row, s.column(a.hours));
        Double window = Series.number(row, s.column(a.windowHours));
        return new ForecastAccuracy(
            s.time(row),
            Series.number(row, s.column(a.nrmsePercent)),
            Series.number(row, s.column(a.skill)),
            Series.number(row, s.column(a.maeKwh)),
            hours == null ? null : hours.intValue(),
            window == null ? null : window.intValue());
      }
    }
    return null;
  }
}
