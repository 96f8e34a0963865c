package io.voltstream.forecast.streaming;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
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
      InfluxHttp influx, String building, ForecastTarget target, Instant from, Instant to) throws IOException {
    String q = "SELECT \"value_kwh\", \"issued_at\" FROM \"forecasts\" WHERE \"building\" = "
        + InfluxQl.literal(building) + " AND \"target\" = " + InfluxQl.literal(target.id())
        + " AND time >= " + from.toEpochMilli() + "ms AND time < " + to.toEpochMilli() + "ms";
    Map<Instant, double[]> best = new HashMap<>();
    for (InfluxHttp.Row row : influx.query(q)) {
      Instant hour = Instant.ofEpochMilli(row.timeMs());
      double issued = row.number("issued_at");
      double value = row.number("value_kwh");
      double[] current = best.get(hour);
      if (!Double.isNaN(value) && (current == null || issued > current[0])) {
        best.put(hour, new double[] {issued, value});
      }
    }
    Map<Instant, Double> out = new TreeMap<>();
    best.forEach((h, v) -> out.put(h, v[1]));
    return out;
  }
}
