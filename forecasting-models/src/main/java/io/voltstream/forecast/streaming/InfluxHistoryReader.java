package io.voltstream.forecast.streaming;

import io.voltstream.forecast.data.HourlySeries;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Reads a building's hourly history from {@code room_metrics}: the sum over the building's rooms of
 * {@code energy_kwh} (consumption) or {@code generation_kwh} (generation) per hour. Hours without a
 * row are {@code NaN}.
 */
public final class InfluxHistoryReader {
  private final InfluxHttp influx;

  public InfluxHistoryReader(InfluxHttp influx) {
    this.influx = influx;
  }

  /** Hourly history in [from, to), both truncated to the hour. */
  public HourlySeries hourly(String building, ForecastTarget target, Instant from, Instant to) throws IOException {
    Instant start = from.truncatedTo(ChronoUnit.HOURS);
    Instant end = to.truncatedTo(ChronoUnit.HOURS);
    int n = (int) Duration.between(start, end).toHours();
    double[] values = new double[Math.max(0, n)];
    Arrays.fill(values, Double.NaN);
    String q = "SELECT sum(" + InfluxQl.identifier(target.roomMetricsField()) + ") AS \"v\" FROM \"room_metrics\""
        + " WHERE \"building\" = " + InfluxQl.literal(building)
        + " AND time >= " + start.toEpochMilli() + "ms AND time < " + end.toEpochMilli() + "ms"
        + " GROUP BY time(1h) fill(none)";
    for (InfluxHttp.Row row : influx.query(q)) {
      int i = (int) ((row.timeMs() - start.toEpochMilli()) / 3_600_000L);
      if (i >= 0 && i < values.length) {
        values[i] = row.number("v");
      }
    }
    return HourlySeries.of(start, values);
  }
}
