package io.voltstream.jobs.io;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far ahead of the wall clock an event time may be and still count as plausible. A device clock
 * that runs ahead stamps its readings in the future; such a reading is real data (it is kept and
 * lands in its own, future, window) but must not move event time forward for everybody else: see
 * {@link EventTimeWatermarks} and the README ("A clock that runs ahead").
 *
 * @param maxAhead tolerance above the wall clock ({@code VOLTSTREAM_MAX_EVENT_TIME_AHEAD}); it
 *     absorbs the skew between the devices' and the job's clocks
 */
public record EventTimeLimit(Duration maxAhead) implements Serializable {

  public EventTimeLimit {
    Objects.requireNonNull(maxAhead, "maxAhead");
    if (maxAhead.isNegative()) {
      throw new IllegalArgumentException(
          JobsOptions.MAX_EVENT_TIME_AHEAD.name() + " must not be negative, was " + maxAhead);
    }
  }

  /** True if {@code eventTime} is later than {@code wallClock} + {@link #maxAhead}. */
  public boolean isAhead(Instant eventTime, Instant wallClock) {
    return eventTime.isAfter(wallClock.plus(maxAhead));
  }

  /** How far {@code eventTime} is ahead of {@code wallClock} (negative when behind). */
  public static Duration aheadBy(Instant eventTime, Instant wallClock) {
    return Duration.between(wallClock, eventTime);
  }
}
