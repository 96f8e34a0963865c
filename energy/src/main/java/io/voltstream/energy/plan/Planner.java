package io.voltstream.energy.plan;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.tariff.Tariff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cost-optimal battery schedule over a horizon, by dynamic programming over a discretised SoC.
 *
 * <p>Objective: Σ slots (import price × import − feed-in price × export) + demand charge × max(0,
 * peak slot import − month peak so far) − terminal value × stored energy. The SoC stays in
 * [reserve, max SoC]; each slot's transition respects the charge/discharge power limits with the
 * charge and discharge efficiencies.
 *
 * <p>The demand charge couples all slots through the max, so the DP runs inside an outer search
 * over a <b>peak cap</b> C: for a given C the DP forbids slot imports above C and minimises energy
 * cost; the total is that plus the demand charge on the plan's actual peak. With {@link
 * PlannerConfig#exactPeakSearch()} every achievable slot import is tried (exact on the SoC grid);
 * otherwise a coarse grid of 10 caps between the month's peak and the unconstrained plan's peak,
 * then a golden-section refinement (10 steps) around the best (the cost is close to convex in C).
 *
 * <p>Cost: O(slots × levels × transitions) per cap, about 22 caps; transitions ∝ levels. Pure and
 * thread-safe.
 */
public final class Planner {
  private static final int CAP_GRID_POINTS = 10;
  private static final int GOLDEN_ITERATIONS = 10;
  private static final double INFEASIBLE = Double.POSITIVE_INFINITY;

  /** Transition offsets are stored as shorts; far beyond any useful resolution anyway. */
  private static final int MAX_LEVELS = 20_000;

  private final PlannerConfig config;

  public Planner(PlannerConfig config) {
    this.config = config;
  }

  public PlannerConfig config() {
    return config;
  }

  /**
   * Plans from {@code start} over {@code netLoadW.length} slots of {@link PlannerConfig#slot()}.
   *
   * @param netLoadW forecast average consumption − generation per slot [W]
   * @param socPercent SoC at {@code start}
   * @param monthPeakImportW highest 15-minute import of the billing month so far [W]
   */
  public Plan plan(
      Instant start,
      double[] netLoadW,
      BatterySpec battery,
      double socPercent,
      Tariff tariff,
      double monthPeakImportW) {
    Problem p = new Problem(start, netLoadW, battery, socPercent, tariff);
    Solution unconstrained = p.solve(INFEASIBLE, monthPeakImportW);
    Solution best = unconstrained;
    if (tariff.demandChargeEurPerKwMonth() > 0 && unconstrained.peakW > monthPeakImportW) {
      double lo = Math.max(monthPeakImportW, p.lowestFeasibleCapW());
      double hi = unconstrained.peakW;
      if (lo < hi) {
        best =
            config.exactPeakSearch()
                ? exactSearch(p, lo, hi, monthPeakImportW, best)
                : coarseThenGolden(p, lo, hi, monthPeakImportW, best);
      }
    }
    return p.toPlan(best);
  }

  private static Solution exactSearch(
      Problem p, double lo, double hi, double monthPeakW, Solution best) {
    for (double cap : p.achievableImportsW(lo, hi)) {
      best = better(best, p.solve(cap, monthPeakW));
    }
    return better(best, p.solve(lo, monthPeakW));
  }

  private static Solution coarseThenGolden(
      Problem p, double lo, double hi, double monthPeakW, Solution best) {
    double[] caps = new double[CAP_GRID_POINTS];
    double[] costs = new double[CAP_GRID_POINTS];
    int bestIndex = -1;
    for (int i = 0; i < CAP_GRID_POINTS; i++) {
      caps[i] = lo + (hi - lo) * i / (CAP_GRID_POINTS - 1);
      Solution s = p.solve(caps[i], monthPeakW);
      costs[i] = s.totalEur;
      if (s.totalEur < best.totalEur) {
        best = s;
        bestIndex = i;
      }
    }
    if (bestIndex < 0) {
      return best;
    }
    double a = caps[Math.max(0, bestIndex - 1)];
    double b = caps[Math.min(CAP_GRID_POINTS - 1, bestIndex + 1)];
    double phi = (Math.sqrt(5) - 1) / 2;
    double c = b - phi * (b - a);
    double d = a + phi * (b - a);
    Solution sc = p.solve(c, monthPeakW);
    Solution sd = p.solve(d, monthPeakW);
    for (int i = 0; i < GOLDEN_ITERATIONS; i++) {
      best = better(better(best, sc), sd);
      if (sc.totalEur <= sd.totalEur) {
        b = d;
        d = c;
        sd = sc;
        c = b - phi * (b - a);
        sc = p.solve(c, monthPeakW);
      } else {
        a = c;
        c = d;
        sc = sd;
        d = a + phi * (b - a);
        sd = p.solve(d, monthPeakW);
      }
    }
    return better(better(best, sc), sd);
  }

  private static Solution better(Solution a, Solution b) {
    return b.totalEur < a.totalEur ? b : a;
  }

  /** One DP outcome: the level path and what it costs. */
  private record Solution(int[] levels, double energyEur, double peakW, double totalEur) {}

  /** The discretised problem: SoC levels, transitions and per-slot prices. */
  private final class Problem {
    private final Instant start;
    private final double[] netKwh;
    private final double[] priceEur;
    private final double exportEur;
    private final double demandEurPerW;
    private final double slotHours;
    private final double minKwh;
    private final double stepKwh;
    private final int levels;
    private final int startLevel;
    private final int maxUp;
    private final int maxDown;

    /** AC energy per transition offset d ∈ [−maxDown, maxUp] (index d + maxDown), + = charging. */
    private final double[] acKwh;

    private final BatterySpec battery;

    Problem(
        Instant start, double[] netLoadW, BatterySpec battery, double socPercent, Tariff tariff) {
      this.start = start;
      this.battery = battery;
      int n = netLoadW.length;
      slotHours = config.slot().toNanos() / 3.6e12;
      netKwh = new double[n];
      priceEur = new double[n];
      for (int t = 0; t < n; t++) {
        if (!Double.isFinite(netLoadW[t])) {
          throw new IllegalArgumentException("net load forecast is not finite at slot " + t);
        }
        netKwh[t] = netLoadW[t] * slotHours / 1000.0;
        priceEur[t] = tariff.importPriceEurPerKwh(start.plus(config.slot().multipliedBy(t)));
      }
      exportEur = tariff.exportEurPerKwh();
      demandEurPerW = tariff.demandChargeEurPerKwMonth() / 1000.0;
      minKwh = battery.storedKwh(battery.reservePercent());
      double maxKwh = battery.storedKwh(battery.maxSocPercent());
      // The grid spans [reserve, max SoC] evenly, with a step no coarser than the power resolution.
      levels =
          (int)
              Math.max(
                  2,
                  Math.ceil((maxKwh - minKwh) / (config.powerResolutionW() * slotHours / 1000.0))
                      + 1);
      if (levels > MAX_LEVELS) {
        throw new IllegalArgumentException(
            "powerResolutionW "
                + config.powerResolutionW()
                + " W gives "
                + levels
                + " SoC levels for this battery; use a coarser resolution (at most "
                + MAX_LEVELS
                + " levels)");
      }
      stepKwh = (maxKwh - minKwh) / (levels - 1);
      double nowKwh = battery.storedKwh(socPercent);
      startLevel = (int) Math.max(0, Math.min(levels - 1, Math.round((nowKwh - minKwh) / stepKwh)));
      double upKwh = battery.maxChargeW() * slotHours / 1000.0 * battery.chargeEfficiency();
      double downKwh = battery.maxDischargeW() * slotHours / 1000.0 / battery.dischargeEfficiency();
      maxUp = (int) Math.min(levels - 1, Math.floor(upKwh / stepKwh + 1e-9));
      maxDown = (int) Math.min(levels - 1, Math.floor(downKwh / stepKwh + 1e-9));
      acKwh = new double[maxUp + maxDown + 1];
      for (int d = -maxDown; d <= maxUp; d++) {
        double cell = d * stepKwh;
        acKwh[d + maxDown] =
            d >= 0 ? cell / battery.chargeEfficiency() : cell * battery.dischargeEfficiency();
      }
    }

    /** No cap below this can be met: the largest net load minus full discharge. */
    double lowestFeasibleCapW() {
      double worst = 0;
      for (double kwh : netKwh) {
        worst = Math.max(worst, kwh + acKwh[0]);
      }
      return worst / slotHours * 1000.0;
    }

    /** Every slot import a transition can produce, within [lo, hi] [W]. */
    List<Double> achievableImportsW(double lo, double hi) {
      TreeSet<Double> caps = new TreeSet<>();
      for (double kwh : netKwh) {
        for (double ac : acKwh) {
          double w = (kwh + ac) / slotHours * 1000.0;
          if (w >= lo && w <= hi) {
            caps.add(w);
          }
        }
      }
      return new ArrayList<>(caps);
    }

    Solution solve(double capW, double monthPeakW) {
      int n = netKwh.length;
      double capKwh = capW == INFEASIBLE ? INFEASIBLE : capW * slotHours / 1000.0 + 1e-9;
      double[] next = new double[levels];
      double[] cur = new double[levels];
      for (int k = 0; k < levels; k++) {
        next[k] = -config.terminalValueEurPerKwh() * (minKwh + k * stepKwh);
      }
      short[][] choice = new short[n][levels];
      double[] slotCost = new double[acKwh.length];
      for (int t = n - 1; t >= 0; t--) {
        // The grid exchange of a transition depends only on its offset d, not on the level.
        for (int i = 0; i < acKwh.length; i++) {
          double grid = netKwh[t] + acKwh[i];
          slotCost[i] =
              grid > capKwh ? INFEASIBLE : grid > 0 ? grid * priceEur[t] : grid * exportEur;
        }
        for (int k = 0; k < levels; k++) {
          double best = INFEASIBLE;
          int bestD = 0;
          int dLo = Math.max(-maxDown, -k);
          int dHi = Math.min(maxUp, levels - 1 - k);
          for (int d = dLo; d <= dHi; d++) {
            double v = slotCost[d + maxDown] + next[k + d];
            if (v < best) {
              best = v;
              bestD = d;
            }
          }
          cur[k] = best;
          choice[t][k] = (short) bestD;
        }
        double[] swap = next;
        next = cur;
        cur = swap;
      }
      if (next[startLevel] == INFEASIBLE) {
        return new Solution(null, INFEASIBLE, INFEASIBLE, INFEASIBLE);
      }
      int[] path = new int[n + 1];
      path[0] = startLevel;
      double energy = 0;
      double peak = 0;
      for (int t = 0; t < n; t++) {
        int d = choice[t][path[t]];
        path[t + 1] = path[t] + d;
        double grid = netKwh[t] + acKwh[d + maxDown];
        energy += grid > 0 ? grid * priceEur[t] : grid * exportEur;
        peak = Math.max(peak, grid / slotHours * 1000.0);
      }
      double total =
          energy
              - config.terminalValueEurPerKwh() * (minKwh + path[n] * stepKwh)
              + demandEurPerW * Math.max(0.0, peak - monthPeakW);
      return new Solution(path, energy, peak, total);
    }

    Plan toPlan(Solution s) {
      int n = netKwh.length;
      List<Double> power = new ArrayList<>(n);
      List<Double> grid = new ArrayList<>(n);
      List<Double> soc = new ArrayList<>(n);
      for (int t = 0; t < n; t++) {
        int d = s.levels[t + 1] - s.levels[t];
        double ac = acKwh[d + maxDown];
        power.add(-ac / slotHours * 1000.0);
        grid.add((netKwh[t] + ac) / slotHours * 1000.0);
        soc.add((minKwh + s.levels[t + 1] * stepKwh) / battery.capacityKwh() * 100.0);
      }
      return new Plan(start, config.slot(), power, grid, soc, s.peakW, s.totalEur);
    }
  }
}
