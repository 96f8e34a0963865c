package io.voltstream.jobs.alerts.logic;

import io.voltstream.jobs.io.EventTimeLimit;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.SystemEvent.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sensor whose reading is stamped further ahead of the job's clock than the watermark tolerance
 * ({@link EventTimeLimit}) has a clock that runs ahead: its readings are kept but do not advance
 * event time, so an operator should fix the device's clock. The event is stamped at detection (the
 * wall clock), not at the reading's future time, so it shows up on dashboards now.
 */
public final class ClockAheadRule {

  /** One sensor is reported at most once per this period while its clock stays ahead. */
  public static final Duration REPORT_EVERY = Duration.ofHours(1);

  private ClockAheadRule() {}

  public static Optional<SystemEvent> evaluate(
      SensorReading r, Instant wallClock, EventTimeLimit limit) {
    if (!limit.isAhead(r.timestamp(), wallClock)) {
      return Optional.empty();
    }
    Duration ahead = EventTimeLimit.aheadBy(r.timestamp(), wallClock);
    return Optional.of(
        new SystemEvent(
            AlertKinds.eventId(AlertKinds.CLOCK_AHEAD, r.sensorId(), wallClock),
            wallClock,
            AlertKinds.CLOCK_AHEAD,
            Severity.WARNING,
            r.room(),
            r.sensorId(),
            "sensor "
                + r.sensorId()
                + " stamps readings "
                + ahead.toSeconds()
                + " s ahead of the job's clock (reading at "
                + r.timestamp()
                + ", seen at "
                + wallClock
                + "): they are kept but do not advance event time",
            (double) ahead.toSeconds(),
            (double) limit.maxAhead().toSeconds()));
  }
}
