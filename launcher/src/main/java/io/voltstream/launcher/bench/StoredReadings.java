package io.voltstream.launcher.bench;

import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.sim.load.LoadReadings;
import java.time.Instant;
import java.util.List;

/**
 * What InfluxDB holds of the load: readings of the load sensors by event time, which is the
 * generator's publish time. A reading is one point ({@code sensor_id} + time), so a count is a
 * count of distinct reading ids: QoS 1 duplicates do not inflate it.
 */
final class StoredReadings {
  private final InfluxClient influx;
  private final String sensorPrefix;

  StoredReadings(InfluxClient influx, String loadPrefix) {
    this.influx = influx;
    // the generator's config admits only [A-Za-z0-9_.-] in the prefix; '.' is escaped for the regex
    this.sensorPrefix = LoadReadings.sensorId(loadPrefix, 0).replaceAll("0$", "");
  }

  /** The id of load sensor {@code index}. */
  String sensorId(int index) {
    return sensorPrefix + index;
  }

  /** Load readings with event time in [{@code from}, {@code to}). */
  long countBetween(Instant from, Instant to) {
    var r = Schema.READINGS;
    return count(
        InfluxQuery.of("SELECT count(")
            .column(r.powerW)
            .text(") FROM ")
            .from(r)
            .text(" WHERE sensor_id =~ /^" + sensorPrefix.replace(".", "\\.") + "/ AND time >= ")
            .time(from)
            .text(" AND time < ")
            .time(to));
  }

  /** All readings (load, probes and simulators) stored so far. */
  long countAll() {
    var r = Schema.READINGS;
    return count(InfluxQuery.of("SELECT count(").column(r.powerW).text(") FROM ").from(r));
  }

  /** Event timestamps [epoch ms] of one load sensor's stored readings, ascending. */
  long[] timestamps(int sensorIndex) {
    return timestamps(influx, sensorId(sensorIndex), Instant.EPOCH);
  }

  /**
   * Event timestamps [epoch ms] of the readings of {@code sensorId} stored with time at or after
   * {@code from}, ascending (also the latency probe's poll).
   */
  static long[] timestamps(InfluxClient influx, String sensorId, Instant from) {
    var r = Schema.READINGS;
    List<Series> answer =
        influx.query(
            InfluxQuery.of("SELECT ")
                .column(r.powerW)
                .text(" FROM ")
                .from(r)
                .text(" WHERE ")
                .eq(r.sensorId, "sensor", sensorId)
                .text(" AND time >= ")
                .time(from));
    int n = 0;
    for (Series s : answer) {
      n += s.values().size();
    }
    long[] out = new long[n];
    int i = 0;
    for (Series s : answer) {
      for (List<Object> row : s.values()) {
        out[i++] = s.time(row).toEpochMilli();
      }
    }
    java.util.Arrays.sort(out);
    return out;
  }

  private long count(InfluxQuery q) {
    List<Series> answer = influx.query(q);
    Double count =
        answer.isEmpty() || answer.get(0).values().isEmpty()
            ? null
            : Series.number(answer.get(0).values().get(0), 1);
    return count == null ? 0 : count.longValue();
  }
}
