package io.voltstream.jobs.roommetrics.logic;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The event-time range {@code [from, to)} a replay reprocesses, widened to whole windows: a window
 * cut by the range would aggregate only part of its readings and overwrite the live point with a
 * smaller one.
 */
public record ReplayRange(Instant from, Instant to) implements Serializable {

  public ReplayRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
    }
  }

  /** {@code from} rounded down and {@code to} rounded up to multiples of {@code window}. */
  public ReplayRange alignedTo(Duration window) {
    long w = window.toMillis();
    long start = Math.floorDiv(from.toEpochMilli(), w) * w;
    long end = -Math.floorDiv(-to.toEpochMilli(), w) * w;
    return new ReplayRange(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
  }

  /** Whether a reading at {@code timestamp} belongs to the replay. */
  public boolean contains(Instant timestamp) {
    return !timestamp.isBefore(from) && timestamp.isBefore(to);
  }
}
