package io.voltstream.launcher.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether one benchmark step sustained its target: the load generator published and InfluxDB stored
 * (load readings by event time inside the step, distinct ids) at least {@code tolerance} (default
 * 0.99) of the target rate, the whole lag (broker queue + ingest + the slowest job's Kafka lag)
 * stayed flat, and the broker's queue did not grow on its own. {@code reasons} says what fell
 * short.
 */
public record StepVerdict(boolean sustained, List<String> reasons) {

  public StepVerdict {
    reasons = List.copyOf(reasons);
  }

  public static StepVerdict evaluate(
      double targetDpS,
      double publishedDpS,
      double storedDpS,
      LagTrend lag,
      LagTrend brokerQueue,
      double tolerance) {
    List<String> reasons = new ArrayList<>();
    check(reasons, "published", publishedDpS, targetDpS, tolerance);
    check(reasons, "stored", storedDpS, targetDpS, tolerance);
    if (!lag.bounded()) {
      reasons.add(
          String.format(
              "lag grew by %,d readings (allowed %,d)",
              lag.growthRecords(), lag.allowedGrowthRecords()));
    }
    if (!brokerQueue.bounded()) {
      reasons.add(
          String.format(
              "broker queue grew by %,d messages (allowed %,d)",
              brokerQueue.growthRecords(), brokerQueue.allowedGrowthRecords()));
    }
    return new StepVerdict(reasons.isEmpty(), reasons);
  }

  private static void check(
      List<String> reasons, String what, double achieved, double target, double tolerance) {
    if (!Rates.reaches(achieved, target, tolerance)) {
      reasons.add(
          String.format("%s %,.0f/s < %.0f%% of %,.0f/s", what, achieved, tolerance * 100, target));
    }
  }
}
