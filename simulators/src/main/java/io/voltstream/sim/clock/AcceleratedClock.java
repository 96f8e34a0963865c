package io.voltstream.sim.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock whose time runs {@code acceleration} times faster than a base clock, starting at a chosen
 * simulated instant: {@code simulated = simStart + acceleration × (base.now − baseStart)}.
 *
 * <p>The simulators read "now" only from this clock, so a day of building behaviour can be watched
 * in minutes and tests can drive time with a fixed or hand-moved base clock.
 *
 * <pre>{@code
 * Clock sim = AcceleratedClock.of(Clock.systemUTC(), Instant.parse("2026-06-21T00:00:00Z"), 60.0);
 * }</pre>
 */
public final class AcceleratedClock extends Clock {
  private final Clock base;
  private final Instant baseStart;
  private final Instant simStart;
  private final double acceleration;

  private AcceleratedClock(Clock base, Instant baseStart, Instant simStart, double acceleration) {
    if (!(acceleration > 0) || Double.isInfinite(acceleration)) {
      throw new IllegalArgumentException(
          "acceleration must be a finite number > 0, got " + acceleration);
    }
    this.base = base;
    this.baseStart = baseStart;
    this.simStart = simStart;
    this.acceleration = acceleration;
  }

  /** Starts now on {@code base}: the first reading of the returned clock is {@code simStart}. */
  public static AcceleratedClock of(Clock base, Instant simStart, double acceleration) {
    return new AcceleratedClock(base, base.instant(), simStart, acceleration);
  }

  public double acceleration() {
    return acceleration;
  }

  /** The simulated duration that passes while {@code wall} passes on the base clock. */
  public Duration simulatedDuration(Duration wall) {
    return Duration.ofNanos(Math.round(wall.toNanos() * acceleration));
  }

  @Override
  public Instant instant() {
    long elapsedNanos = Duration.between(baseStart, base.instant()).toNanos();
    return simStart.plusNanos(Math.round(elapsedNanos * acceleration));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException(
        "AcceleratedClock is UTC only; convert instants with atZone");
  }
}
