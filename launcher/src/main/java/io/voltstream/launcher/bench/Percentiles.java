package io.voltstream.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Latency summary of a set of probes by the nearest-rank method (the p-th percentile is the
 * smallest sample with at least p% of the samples at or below it), so every figure is a latency
 * that was actually measured. Probes never seen count as failures: they rank above every seen one,
 * so a percentile whose rank falls among them is empty ("unseen"), never a flattering figure taken
 * from the probes that did arrive.
 *
 * @param count probes seen
 * @param unseen probes published but not seen (failures)
 * @param p50 empty when the median probe was not seen
 * @param p99 empty when more than 1 % of the probes were not seen
 * @param max the slowest seen probe, empty when none was seen
 */
public record Percentiles(
    int count, int unseen, Optional<Duration> p50, Optional<Duration> p99, Optional<Duration> max) {

  /** The summary of {@code seen}, or empty when there are none (and nothing unseen). */
  public static Optional<Percentiles> of(Collection<Duration> seen) {
    return seen.isEmpty() ? Optional.empty() : Optional.of(of(seen, 0));
  }

  /** The summary of {@code seen} probes plus {@code unseen} failed ones. */
  public static Percentiles of(Collection<Duration> seen, int unseen) {
    if (unseen < 0) {
      throw new IllegalArgumentException("unseen must be >= 0, got " + unseen);
    }
    List<Duration> sorted = new ArrayList<>(seen);
    sorted.sort(null);
    return new Percentiles(
        sorted.size(),
        unseen,
        rankOrFailure(sorted, unseen, 50),
        rankOrFailure(sorted, unseen, 99),
        sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(sorted.size() - 1)));
  }

  /** Whether {@code p99} was seen and is at most {@code limit}. */
  public boolean p99AtMost(Duration limit) {
    return p99.map(p -> p.compareTo(limit) <= 0).orElse(false);
  }

  private static Optional<Duration> rankOrFailure(
      List<Duration> sorted, int unseen, double percent) {
    int total = sorted.size() + unseen;
    if (total == 0) {
      return Optional.empty();
    }
    int rank = Math.max(1, (int) Math.ceil(percent / 100.0 * total));
    return rank <= sorted.size() ? Optional.of(sorted.get(rank - 1)) : Optional.empty();
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

  /** {@code p50 / p99 / max (n seen, m unseen)}, "unseen" where a rank fell on a failed probe. */
  public String describe() {
    return Format.latency(p50)
        + " / "
        + Format.latency(p99)
        + " / "
        + Format.latency(max)
        + " ("
        + count
        + (unseen > 0 ? ", " + unseen + " unseen" : "")
        + ")";
  }
}
