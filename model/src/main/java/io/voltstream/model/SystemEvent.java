package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An alert or system event on Kafka {@code events} and in InfluxDB {@code events}. {@code eventId}
 * is deterministic (kind, subject and event time) so that a replay rewrites instead of duplicating.
 * {@code building} is set by the producers that know it (rules, DR, commands), for scoping.
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
    Double threshold,
    String building) {

  /** An event without a building (the alert job's room and sensor events). */
  public SystemEvent(
      String eventId,
      Instant timestamp,
      String kind,
      Severity severity,
      String room,
      String sensorId,
      String message,
      Double value,
      Double threshold) {
    this(eventId, timestamp, kind, severity, room, sensorId, message, value, threshold, null);
  }

  public enum Severity {
    INFO,
    WARNING,
    CRITICAL
  }
}
