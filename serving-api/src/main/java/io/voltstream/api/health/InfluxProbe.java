package io.voltstream.api.health;

import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Measurement;
import io.voltstream.influx.Ping;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * InfluxDB: {@code /ping}, then the time of the newest point of {@code readings} and {@code
 * room_metrics} and the newest forecast run ({@code max(issued_at)} of {@code forecasts}), each
 * searched within {@link HealthOptions#LOOK_BACK} so the query stays cheap. Points carry event
 * time, which for live data is the moment they were written.
 */
public final class InfluxProbe {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InfluxProbe.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final long LOOK_BACK_HOURS = HealthOptions.LOOK_BACK.toHours();

  private final URI url;
  private final InfluxClient influx;

  public InfluxProbe(URI url, String database) {
    this(new InfluxClient(url, database, Optional.empty(), TIMEOUT));
  }

  /** Probes through {@code influx} (its credentials), with this probe's short timeout. */
  public InfluxProbe(InfluxClient influx) {
    this.url = influx.baseUrl();
    this.influx = influx.withTimeout(TIMEOUT);
  }

  public Observations.Influx probe() {
    Ping ping = InfluxClient.ping(url, TIMEOUT);
    if (!ping.up()) {
      return Observations.Influx.unreachable(
          ping.detail().startsWith("HTTP")
              ? "/ping answered " + ping.detail()
              : "no answer to /ping");
    }
    try {
      return new Observations.Influx(
          Optional.empty(),
          newestPoint(Schema.READINGS),
          newestPoint(Schema.ROOM_METRICS),
          newestForecastRun());
    } catch (RuntimeException e) {
      LOG.warn("InfluxDB health query failed: {}", e.toString());
      return Observations.Influx.unreachable("query failed");
    }
  }

  private Optional<Instant> newestPoint(Measurement m) {
    List<Series> rows =
        influx.query(
            InfluxQuery.of("SELECT * FROM ")
                .from(m)
                .text(" WHERE time > now() - " + LOOK_BACK_HOURS + "h ORDER BY time DESC LIMIT 1"));
    return rows.stream()
        .flatMap(s -> s.values().stream().map(s::time))
        .filter(java.util.Objects::nonNull)
        .max(Instant::compareTo);
  }

  private Optional<Instant> newestForecastRun() {
    var f = Schema.FORECASTS;
    List<Series> rows =
        influx.query(
            InfluxQuery.of("SELECT ")
                .aggregate("max", f.issuedAt)
                .text(" FROM ")
                .from(f)
                .text(" WHERE time > now() - " + LOOK_BACK_HOURS + "h"));
    for (Series s : rows) {
      int column = s.columns().indexOf(f.issuedAt.name());
      for (List<Object> row : s.values()) {
        if (column >= 0 && row.get(column) instanceof Number ms) {
          return Optional.of(Instant.ofEpochMilli(ms.longValue()));
        }
      }
    }
    return Optional.empty();
  }
}
