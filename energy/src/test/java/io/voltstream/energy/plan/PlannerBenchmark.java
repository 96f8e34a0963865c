package io.voltstream.energy.plan;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.energy.tariff.Tariffs;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Printed benchmark (not a test): wall time of one 24 h re-plan (96 slots of 15 min) for the demo
 * fleet (15 kWh, 7.5 kW) at the default 200 W resolution, and of a week-long plan. Run with {@code
 * java -cp energy/target/classes:energy/target/test-classes
 * io.voltstream.energy.plan.PlannerBenchmark}.
 */
public final class PlannerBenchmark {
  private PlannerBenchmark() {}

  public static void main(String[] args) {
    BatterySpec fleet = new BatterySpec("fleet", "demo", 15.0, 7500, 7500, 0.90, 5, 95, 10);
    // The scorecard's weekly share of the monthly demand charge, and no month peak yet: the full
    // cap search runs.
    Tariff tariff = Tariffs.defaultTariff().withDemandCharge(4.5 * 7 / 30.4375);
    Instant start = Instant.parse("2026-04-13T00:00:00Z");
    Random random = new Random(1);
    double[] day = new double[96];
    double[] week = new double[96 * 7];
    for (int i = 0; i < week.length; i++) {
      double hour = (i % 96) / 4.0;
      double pv = hour > 7 && hour < 19 ? 4000 * Math.sin(Math.PI * (hour - 7) / 12) : 0;
      week[i] =
          600 + 1500 * Math.exp(-Math.pow(hour - 19, 2) / 4) + 400 * random.nextGaussian() - pv;
    }
    System.arraycopy(week, 0, day, 0, 96);
    Planner planner = new Planner(PlannerConfig.defaults());
    for (int i = 0; i < 20; i++) {
      planner.plan(start, day, fleet, 50, tariff, 0);
    }
    int runs = 50;
    long t0 = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      planner.plan(start, day, fleet, 50, tariff, 0);
    }
    System.out.printf("24 h re-plan (96 slots): %.1f ms%n", (System.nanoTime() - t0) / 1e6 / runs);
    Planner weekly = new Planner(PlannerConfig.defaults().withHorizon(Duration.ofDays(7)));
    t0 = System.nanoTime();
    weekly.plan(start, week, fleet, 50, tariff, 0);
    System.out.printf("7 d plan (672 slots): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
  }
}
