package io.voltstream.energy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.tariff.Tariff;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final Instant MIDNIGHT = Instant.parse("2026-04-13T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  // 2 kWh between reserve 0 % and 100 %, 1.5 kW both ways, 81 % round trip; at 500 W resolution
  // over
  // 1-hour slots the SoC grid has 5 levels of 0.5 kWh, two up and three down per slot.
  private static final BatterySpec SMALL =
      new BatterySpec("b", "t", 2.0, 1500, 1500, 0.81, 0, 100, 0);
  private static final PlannerConfig SMALL_EXACT =
      new PlannerConfig(HOUR, Duration.ofHours(5), 500, true, 0.0);

  @Test
  void exactSearchMatchesABruteForceOptimumOnRandomSmallCases() {
    Random random = new Random(7);
    for (int c = 0; c < 40; c++) {
      Case k = Case.random(random, 5);
      Plan plan =
          new Planner(SMALL_EXACT)
              .plan(MIDNIGHT, k.netLoadW, SMALL, k.socPercent, k.tariff, k.monthPeakW);
      double optimum = bruteForce(k, 0.5);
      assertThat(plan.expectedCostEur()).as("case %d", c).isCloseTo(optimum, within(1e-9));
      assertThat(recomputedCost(plan, k))
          .as("case %d recomputed", c)
          .isCloseTo(optimum, within(1e-9));
    }
  }

  @Test
  void coarsePeakSearchIsNeverBetterThanTheOptimumAndRarelyWorse() {
    Random random = new Random(11);
    PlannerConfig coarse = SMALL_EXACT.withExactPeakSearch(false);
    int worse = 0;
    for (int c = 0; c < 40; c++) {
      Case k = Case.random(random, 5);
      double optimum = bruteForce(k, 0.5);
      double cost =
          new Planner(coarse)
              .plan(MIDNIGHT, k.netLoadW, SMALL, k.socPercent, k.tariff, k.monthPeakW)
              .expectedCostEur();
      assertThat(cost).as("case %d", c).isGreaterThanOrEqualTo(optimum - 1e-9);
      assertThat(cost)
          .as("case %d", c)
          .isLessThanOrEqualTo(optimum + 0.05 * Math.abs(optimum) + 0.05);
      if (cost > optimum + 1e-9) {
        worse++;
      }
    }
    assertThat(worse).isLessThanOrEqualTo(8);
  }

  @Test
  void planStaysWithinSocAndPowerLimits() {
    BatterySpec battery = new BatterySpec("b", "t", 10, 3000, 4000, 0.9, 5, 95, 20);
    Random random = new Random(3);
    double[] net = new double[96];
    for (int i = 0; i < net.length; i++) {
      net[i] = 1500 + 2500 * random.nextGaussian();
    }
    Plan plan =
        new Planner(PlannerConfig.defaults())
            .plan(MIDNIGHT, net, battery, 50, tariff(flat(0.3)), 0);
    assertThat(plan.slots()).isEqualTo(96);
    for (int t = 0; t < 96; t++) {
      assertThat(plan.socPercent().get(t)).isBetween(20.0 - 1e-9, 95.0 + 1e-9);
      assertThat(plan.batteryPowerW().get(t)).isBetween(-3000.0 - 1e-6, 4000.0 + 1e-6);
      assertThat(plan.gridImportW().get(t))
          .isCloseTo(net[t] - plan.batteryPowerW().get(t), within(1e-6));
    }
  }

  @Test
  void itChargesWhenCheapAndDischargesWhenDearAndFlattensAPricedPeak() {
    // Flat 1 kW load; cheap 00–06, dear 18–22; with a demand charge the night charging is spread
    // out.
    List<Double> prices = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      prices.add(h < 6 ? 0.10 : h >= 18 && h < 22 ? 0.50 : 0.30);
    }
    BatterySpec battery = new BatterySpec("b", "t", 10, 5000, 5000, 0.9, 0, 100, 0);
    double[] net = new double[96];
    java.util.Arrays.fill(net, 1000);
    Planner planner = new Planner(PlannerConfig.defaults());
    Plan free = planner.plan(MIDNIGHT, net, battery, 0, tariff(prices).withDemandCharge(0), 0);
    assertThat(free.batteryPowerW().get(4)).isNegative(); // 01:00 charging
    assertThat(free.batteryPowerW().get(19 * 4)).isPositive(); // 19:00 discharging
    Plan priced = planner.plan(MIDNIGHT, net, battery, 0, tariff(prices).withDemandCharge(50), 0);
    assertThat(priced.peakImportW()).isLessThan(free.peakImportW());
    assertThat(priced.peakImportW()).isLessThan(3000);
  }

  /**
   * A random small case: net loads, hourly prices, feed-in, demand charge, month peak and start
   * SoC.
   */
  private record Case(double[] netLoadW, Tariff tariff, double socPercent, double monthPeakW) {
    static Case random(Random r, int slots) {
      double[] net = new double[slots];
      for (int i = 0; i < slots; i++) {
        net[i] = -2000 + 5000 * r.nextDouble();
      }
      List<Double> prices = new ArrayList<>();
      for (int h = 0; h < 24; h++) {
        prices.add(0.05 + 0.5 * r.nextDouble());
      }
      Tariff t =
          new Tariff(
              "random",
              ZoneOffset.UTC,
              prices,
              prices,
              0.1 * r.nextDouble(),
              20 * r.nextDouble(),
              Collections.nCopies(24, 100.0));
      return new Case(net, t, 25.0 * r.nextInt(5), r.nextBoolean() ? 0 : 2500 * r.nextDouble());
    }
  }

  /**
   * Every sequence of SoC levels (step {@code stepKwh}) the power limits allow, costed from the
   * definition.
   */
  private static double bruteForce(Case k, double stepKwh) {
    int levels = (int) Math.round(SMALL.capacityKwh() / stepKwh) + 1;
    int start = (int) Math.round(SMALL.storedKwh(k.socPercent) / stepKwh);
    return search(k, stepKwh, levels, 0, start, 0.0, 0.0);
  }

  private static double search(
      Case k, double stepKwh, int levels, int t, int level, double energyEur, double peakW) {
    if (t == k.netLoadW.length) {
      return energyEur
          + k.tariff.demandChargeEurPerKwMonth() * Math.max(0, peakW - k.monthPeakW) / 1000.0;
    }
    double best = Double.POSITIVE_INFINITY;
    double eta = Math.sqrt(SMALL.roundTripEfficiency());
    for (int next = 0; next < levels; next++) {
      double cellKwh = (next - level) * stepKwh;
      double acKwh = cellKwh >= 0 ? cellKwh / eta : cellKwh * eta; // over one hour, so also kW
      if (acKwh * 1000 > SMALL.maxChargeW() + 1e-9
          || -acKwh * 1000 > SMALL.maxDischargeW() + 1e-9) {
        continue;
      }
      double gridKwh = k.netLoadW[t] / 1000.0 + acKwh;
      double price = k.tariff.importPriceEurPerKwh(MIDNIGHT.plus(HOUR.multipliedBy(t)));
      double cost = gridKwh > 0 ? gridKwh * price : gridKwh * k.tariff.exportEurPerKwh();
      best =
          Math.min(
              best,
              search(
                  k,
                  stepKwh,
                  levels,
                  t + 1,
                  next,
                  energyEur + cost,
                  Math.max(peakW, gridKwh * 1000)));
    }
    return best;
  }

  /** The plan's cost recomputed from its own series. */
  private static double recomputedCost(Plan plan, Case k) {
    double energy = 0;
    double peak = 0;
    for (int t = 0; t < plan.slots(); t++) {
      double grid = plan.gridImportW().get(t) / 1000.0;
      double price = k.tariff.importPriceEurPerKwh(plan.start().plus(HOUR.multipliedBy(t)));
      energy += grid > 0 ? grid * price : grid * k.tariff.exportEurPerKwh();
      peak = Math.max(peak, plan.gridImportW().get(t));
    }
    return energy
        + k.tariff.demandChargeEurPerKwMonth() * Math.max(0, peak - k.monthPeakW) / 1000.0;
  }

  private static List<Double> flat(double price) {
    return Collections.nCopies(24, price);
  }

  private static Tariff tariff(List<Double> prices) {
    return new Tariff(
        "t", ZoneOffset.UTC, prices, prices, 0.05, 5.0, Collections.nCopies(24, 100.0));
  }
}
