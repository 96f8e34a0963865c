package io.voltstream.launcher.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether one benchmark step sustained its target: the load generator published, ingest landed in
 * Kafka and the raw-readings job stored in InfluxDB at least {@code tolerance} of the target rate
 * each, and the pipeline lag stayed bounded. {@code reasons} says what fell short.
 */
public record StepVerdict(boolean sustained, List<String> reasons) {

  public StepVerdict {
    reasons = List.copyOf(reasons);
  }

  public static StepVerdict evaluate(
      double targetDpS,
      double publishedDpS,
      double kafkaDpS,
      double storedDpS,
      LagTrend lag,
      double tolerance) {
    List<String> reasons = new ArrayList<>();
    check(reasons, "published", publishedDpS, targetDpS, tolerance);
    check(reasons, "in Kafka", kafkaDpS, targetDpS, tolerance);
    check(reasons, "stored", storedDpS, targetDpS, tolerance);
    if (!lag.bounded()) {
      reasons.add(
          String.format(
              "lag grew by %,d readings (allowed %,d)",
              lag.growthRecords(), lag.allowedGrowthRecords()));
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
