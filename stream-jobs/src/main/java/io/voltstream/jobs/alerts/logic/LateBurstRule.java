package io.voltstream.jobs.alerts.logic;

import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.SystemEvent.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bursts of late data: more than the threshold of a room's late readings arriving within one
 * minute. "Arriving" is the reading's {@code ingestedAt} (stamped by ingest, so a replay counts the
 * same buckets and the event id is stable); readings without it fall back to their event time.
 */
public final class LateBurstRule {

  public static final Duration BUCKET = Duration.ofMinutes(1);

  private LateBurstRule() {}

  /** Start of the arrival minute of {@code r}. */
  public static Instant bucket(SensorReading r) {
    Instant arrival = r.ingestedAt() != null ? r.ingestedAt() : r.timestamp();
    long ms = arrival.toEpochMilli();
    return Instant.ofEpochMilli(ms - Math.floorMod(ms, BUCKET.toMillis()));
  }

  /** The room a late reading is counted for (its assigned room; {@code unassigned} when none). */
  public static String room(SensorReading r) {
    return r.room() == null || r.room().isBlank() ? "unassigned" : r.room();
  }

  public static Optional<SystemEvent> evaluate(
      String room, Instant bucket, long count, long threshold) {
    if (count <= threshold) {
      return Optional.empty();
    }
    return Optional.of(
        new SystemEvent(
            AlertKinds.eventId(AlertKinds.LATE_DATA_BURST, room, bucket),
            bucket,
            AlertKinds.LATE_DATA_BURST,
            Severity.WARNING,
            room,
            null,
            count + " late readings in one minute for " + room + " (threshold " + threshold + ")",
            (double) count,
            (double) threshold));
  }
}
