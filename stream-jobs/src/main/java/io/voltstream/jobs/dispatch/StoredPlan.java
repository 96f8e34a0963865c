package io.voltstream.jobs.dispatch;

import io.voltstream.energy.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link Plan} as Flink state: primitive arrays instead of lists, so the POJO serializer handles
 * it (generic types are disabled in the jobs).
 */
public record StoredPlan(
    Instant start,
    long slotSeconds,
    double[] batteryPowerW,
    double[] gridImportW,
    double[] socPercent,
    double peakImportW,
    double expectedCostEur) {

  public static StoredPlan of(Plan p) {
    return new StoredPlan(
        p.start(),
        p.slot().toSeconds(),
        toArray(p.batteryPowerW()),
        toArray(p.gridImportW()),
        toArray(p.socPercent()),
        p.peakImportW(),
        p.expectedCostEur());
  }

  public Plan toPlan() {
    return new Plan(
        start,
        Duration.ofSeconds(slotSeconds),
        toList(batteryPowerW),
        toList(gridImportW),
        toList(socPercent),
        peakImportW,
        expectedCostEur);
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<Double> toList(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
