package io.voltstream.launcher.bench;

import java.time.Duration;
import java.util.List;

/**
 * The run against the targets: at least {@code targetDpS} data points/s sustained for at
 * least {@code minDuration}, with the whole stack's RSS (JVM + mosquitto + influxd) at most {@code
 * rssBudgetBytes} throughout.
 */
public record TargetVerdict(
    boolean throughputMet,
    boolean memoryMet,
    int bestSustainedDpS,
    Duration bestSustainedDuration,
    long maxTotalRssBytes,
    String line) {

  public static final int TARGET_DP_S = 30_000;
  public static final Duration TARGET_DURATION = Duration.ofMinutes(5);

  /** 2.5 GB, decimal. */
  public static final long RSS_BUDGET_BYTES = 2_500_000_000L;

  public static TargetVerdict evaluate(List<StepResult> steps) {
    return evaluate(steps, TARGET_DP_S, TARGET_DURATION, RSS_BUDGET_BYTES);
  }

  public static TargetVerdict evaluate(
      List<StepResult> steps, int targetDpS, Duration minDuration, long rssBudgetBytes) {
    int best = 0;
    Duration bestDuration = Duration.ZERO;
    boolean throughput = false;
    long maxRss = 0;
    for (StepResult s : steps) {
      maxRss = Math.max(maxRss, s.maxTotalRssBytes());
      if (s.sustained()) {
        if (s.targetDpS() > best
            || s.targetDpS() == best && s.duration().compareTo(bestDuration) > 0) {
          best = s.targetDpS();
          bestDuration = s.duration();
        }
        // a few hundred ms of scheduling jitter must not fail a 5-minute step
        if (s.targetDpS() >= targetDpS && s.duration().plusSeconds(1).compareTo(minDuration) >= 0) {
          throughput = true;
        }
      }
    }
    boolean memory = !steps.isEmpty() && maxRss <= rssBudgetBytes;
    String line =
        String.format(
            "VERDICT: throughput %s (target >= %,d data points/s for %s; best sustained %,d/s for"
                + " %s) · memory %s (target <= %.1f GB; peak whole-stack RSS %.2f GB)",
            throughput ? "PASS" : "FAIL",
            targetDpS,
            Format.duration(minDuration),
            best,
            Format.duration(bestDuration),
            memory ? "PASS" : "FAIL",
            rssBudgetBytes / 1e9,
            maxRss / 1e9);
    return new TargetVerdict(throughput, memory, best, bestDuration, maxRss, line);
  }
}
