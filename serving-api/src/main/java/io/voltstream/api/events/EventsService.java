package io.voltstream.api.events;

import io.voltstream.api.events.dto.EventsResponse;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.model.SystemEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Alerts and system events from the InfluxDB measurement {@code events} (tags {@code kind}, {@code
 * severity}, {@code room}, {@code sensor_id}; fields {@code message}, {@code value}, {@code
 * threshold}, {@code event_id}), newest first. Severity tags are matched in either case, since
 * writers may use the enum name or its lower-case form.
 */
public final class EventsService {
  private static final Schema.Events E = Schema.EVENTS;

  private final InfluxReader influx;

  public EventsService(InfluxReader influx) {
    this.influx = influx;
  }

  public EventsResponse events(EventsQuery query) {
    InfluxQuery q =
        InfluxQuery.of("SELECT ")
            .columns(
                E.eventId, E.kind, E.severity, E.room, E.sensorId, E.message, E.value, E.threshold)
            .text(" FROM ")
            .from(E)
            .text(" WHERE time >= ")
            .time(query.since());
    query.room().ifPresent(r -> q.text(" AND ").eq(E.room, "room", r));
    query.kind().ifPresent(k -> q.text(" AND ").eq(E.kind, "kind", k));
    query
        .severity()
        .ifPresent(
            s ->
                q.text(" AND (")
                    .column(E.severity)
                    .text(" = ")
                    .literal(s.name())
                    .text(" OR ")
                    .column(E.severity)
                    .text(" = ")
                    .literal(s.name().toLowerCase(Locale.ROOT))
                    .text(")"));
    q.text(" ORDER BY time DESC LIMIT ").number(query.limit());

    List<SystemEvent> events = new ArrayList<>();
    for (Series s : influx.query(q)) {
      int t = s.column(Series.TIME);
      for (List<Object> row : s.values()) {
        events.add(
            new SystemEvent(
                Series.string(row, s.column(E.eventId)),
                Instant.ofEpochMilli(Series.number(row, t).longValue()),
                Series.string(row, s.column(E.kind)),
                severity(Series.string(row, s.column(E.severity))),
                Series.string(row, s.column(E.room)),
                Series.string(row, s.column(E.sensorId)),
                Series.string(row, s.column(E.message)),
                Series.number(row, s.column(E.value)),
                Series.number(row, s.column(E.threshold))));
      }
    }
    return new EventsResponse(query.since(), query.limit(), events);
  }

  private static SystemEvent.Severity severity(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return SystemEvent.Severity.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
