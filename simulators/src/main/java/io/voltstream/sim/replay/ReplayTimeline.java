package io.voltstream.sim.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Maps file time to event time and to wall-clock publish time for a replay at {@code speed}× real
 * time.
 *
 * <p>Event time is the file's local time in {@code zone}, plus an optional constant shift (so that,
 * with {@link #endingAt}, the last reading's timestamp is the wall-clock moment the replay
 * finishes). Publish time is {@code wallStart + (eventTime − firstEventTime) / speed}, so event
 * time never runs ahead of the wall clock when the shift ends the replay "now".
 */
public record ReplayTimeline(
    ZoneId zone, Instant firstEvent, Instant wallStart, double speed, Duration shift) {

  public ReplayTimeline {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("replay speed must be a finite number > 0, got " + speed);
    }
  }

  /** Keeps the file's own timestamps. */
  public static ReplayTimeline unshifted(
      ZoneId zone, LocalDateTime firstRow, Instant wallStart, double speed) {
    Instant first = firstRow.atZone(zone).toInstant();
    return new ReplayTimeline(zone, first, wallStart, speed, Duration.ZERO);
  }

  /**
   * Shifts event time so that the event at {@code lastRow} is stamped when the replay reaches it.
   */
  public static ReplayTimeline endingAt(
      ZoneId zone, LocalDateTime firstRow, LocalDateTime lastRow, Instant wallStart, double speed) {
    Instant first = firstRow.atZone(zone).toInstant();
    Instant last = lastRow.atZone(zone).toInstant();
    Duration replayWall = scale(Duration.between(first, last), 1.0 / speed);
    Instant wallEnd = wallStart.plus(replayWall);
    Duration shift = Duration.between(last, wallEnd);
    return new ReplayTimeline(zone, first.plus(shift), wallStart, speed, shift);
  }

  /** Event time of a file instant (local date-time in the file). */
  public Instant eventTime(LocalDateTime fileTime) {
    return fileTime.atZone(zone).toInstant().plus(shift);
  }

  /** When the reading with {@code eventTime} should be published. */
  public Instant publishAt(Instant eventTime) {
    return wallStart.plus(scale(Duration.between(firstEvent, eventTime), 1.0 / speed));
  }

  private static Duration scale(Duration d, double factor) {
    return Duration.ofNanos(Math.round(d.toNanos() * factor));
  }
}
