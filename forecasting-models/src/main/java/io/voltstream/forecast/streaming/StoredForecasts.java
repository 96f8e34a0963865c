package io.voltstream.forecast.streaming;

import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads forecasts back from {@code forecasts}. Runs with different models (or a fallback) leave
 * points in different series at the same hour; the most recently issued one is the forecast of that
 * hour.
 */
public final class StoredForecasts {
  private StoredForecasts() {}

  /** Hour → value (kWh) of the latest issued forecast, for hours in [from, to). */
  public static Map<Instant, Double> latestPerHour(
      InfluxClient influx, String building, ForecastTarget target, Instant from, Instant to) {
    var f = Schema.FORECASTS;
    InfluxQuery q =
        InfluxQuery.of("SELECT ")
            .columns(f.valueKwh, f.issuedAt)
            .text(" FROM ")
            .from(f)
            .text(" WHERE ")
            .eq(f.building, "building", building)
            .text(" AND ")
            .eq(f.target, "target", target.id())
            .text(" AND time >= ")
            .time(from)
            .text(" AND time < ")
            .time(to);
    Map<Instant, double[]> best = new HashMap<>();
    for (Series s : influx.query(q)) {
      for (List<Object> row : s.values()) {
        Instant hour = s.time(row);
        Double issued = Series.number(row, s.column(f.issuedAt));
        Double value = Series.number(row, s.column(f.valueKwh));
        double[] current = best.get(hour);
        if (value != null && (current == null || (issued != null && issued > current[0]))) {
          best.put(hour, new double[] {issued == null ? Double.NaN : issued, value});
        }
      }
    }
    Map<Instant, Double> out = new TreeMap<>();
    best.forEach((h, v) -> out.put(h, v[1]));
    return out;
  }
}
