package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An alert or system event on Kafka {@code events} and in InfluxDB {@code events}. {@code eventId}
 * is deterministic (kind, subject and event time) so that a replay rewrites instead of duplicating.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemEvent(
    String eventId,
    Instant timestamp,
    String kind,
    Severity severity,
    String room,
    String sensorId,
    String message,
    Double value,
    Double threshold) {

  public enum Severity {
    INFO,
    WARNING,
    CRITICAL
  }
}
