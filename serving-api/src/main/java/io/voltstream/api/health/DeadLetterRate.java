package io.voltstream.api.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Dead letters per minute from successive samples of the dead-letter topic's end offsets, over at
 * least the last {@code window}: samples older than the window are dropped except the newest of
 * them, which stays the baseline (so probes further apart than the window still give a rate,
 * averaged over the time between them).
 */
public final class DeadLetterRate {
  private record Sample(Instant at, long count) {}

  private final Duration window;
  private final Deque<Sample> samples = new ArrayDeque<>();

  public DeadLetterRate(Duration window) {
    this.window = window;
  }

  /** Adds a sample and returns the rate since the baseline; empty for the first sample. */
  public synchronized Optional<Double> record(Instant at, long count) {
    if (!samples.isEmpty() && count < samples.peekLast().count()) {
      samples.clear(); // the topic was recreated: start over
    }
    Instant cutoff = at.minus(window);
    while (samples.size() > 1 && !second().at().isAfter(cutoff)) {
      samples.removeFirst();
    }
    Sample baseline = samples.peekFirst();
    samples.addLast(new Sample(at, count));
    if (baseline == null || !at.isAfter(baseline.at())) {
      return Optional.empty();
    }
    double minutes = Duration.between(baseline.at(), at).toMillis() / 60_000.0;
    return Optional.of((count - baseline.count()) / minutes);
  }

  private Sample second() {
    var it = samples.iterator();
    it.next();
    return it.next();
  }
}
