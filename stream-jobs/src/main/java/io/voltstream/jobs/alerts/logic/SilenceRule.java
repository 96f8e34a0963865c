package io.voltstream.jobs.alerts.logic;

import io.voltstream.model.SystemEvent;
import io.voltstream.model.SystemEvent.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * A sensor is silent when no reading of it has event time within {@code silence} after its latest
 * one. The event is stamped at the moment it became silent (last reading + silence).
 */
public final class SilenceRule {

  private SilenceRule() {}

  /** When the sensor counts as silent if nothing newer than {@code lastSeen} arrives. */
  public static Instant deadline(Instant lastSeen, Duration silence) {
    return lastSeen.plus(silence);
  }

  /** The newer of the two times (readings may arrive out of order). */
  public static Instant latest(Instant lastSeen, Instant readingTime) {
    return lastSeen == null || readingTime.isAfter(lastSeen) ? readingTime : lastSeen;
  }

  public static SystemEvent silentEvent(
      String sensorId, String room, Instant lastSeen, Duration silence) {
    Instant at = deadline(lastSeen, silence);
    return new SystemEvent(
        AlertKinds.eventId(AlertKinds.SENSOR_SILENT, sensorId, at),
        at,
        AlertKinds.SENSOR_SILENT,
        Severity.WARNING,
        room,
        sensorId,
        "sensor "
            + sensorId
            + " silent for more than "
            + silence.toMinutes()
            + " min (last reading "
            + lastSeen
            + ")",
        (double) silence.toSeconds(),
        (double) silence.toSeconds());
  }
}
