package io.voltstream.api.export;

import io.voltstream.api.query.TimeRange;
import java.util.List;

/** What to export: raw readings in the range, optionally only of these rooms and/or sensors. */
public record ExportRequest(
    TimeRange range, List<String> rooms, List<String> sensors, ExportFormat format) {
  public ExportRequest {
    rooms = List.copyOf(rooms);
    sensors = List.copyOf(sensors);
  }
}
