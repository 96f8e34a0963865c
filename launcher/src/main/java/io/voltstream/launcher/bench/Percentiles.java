package io.voltstream.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Latency summary of a set of probe samples: p50, p99 and max by the nearest-rank method (the p-th
 * percentile is the smallest sample with at least p% of the samples at or below it), so every
 * figure is a latency that was actually measured.
 */
public record Percentiles(int count, Duration p50, Duration p99, Duration max) {

  /** The summary of {@code samples}, or empty when there are none. */
  public static Optional<Percentiles> of(Collection<Duration> samples) {
    if (samples.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = new ArrayList<>(samples);
    sorted.sort(null);
    return Optional.of(
        new Percentiles(
            sorted.size(),
            nearestRank(sorted, 50),
            nearestRank(sorted, 99),
            sorted.get(sorted.size() - 1)));
  }

  /** The nearest-rank {@code percent}-th percentile of ascending {@code sorted} (non-empty). */
  static Duration nearestRank(List<Duration> sorted, double percent) {
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
