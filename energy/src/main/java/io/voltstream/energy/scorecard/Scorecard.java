package io.voltstream.energy.scorecard;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.battery.PowerRange;
import io.voltstream.energy.dispatch.DispatchDecision;
import io.voltstream.energy.dispatch.PeakShaving;
import io.voltstream.energy.dispatch.PlanTracking;
import io.voltstream.energy.dispatch.ReserveFloor;
import io.voltstream.energy.dispatch.SelfConsumption;
import io.voltstream.energy.dispatch.StrategyStack;
import io.voltstream.energy.dispatch.TimeOfUse;
import io.voltstream.energy.plan.Plan;
import io.voltstream.energy.plan.Planner;
import io.voltstream.energy.plan.PlannerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The battery scorecard: one scenario replayed in closed loop under each strategy of issue 8, from
 * no battery to the perfect-foresight optimum. The rows (see energy/README.md):
 *
 * <ul>
 *   <li>{@code none}: the battery idles.
 *   <li>{@code peak_shaving}: reserve + plain peak shaving with grid recharge below the threshold.
 *   <li>{@code self_consumption}: reserve + self-consumption.
 *   <li>{@code time_of_use}: reserve + time-of-use arbitrage.
 *   <li>{@code stacked}: reserve ▸ peak-shaving limit ▸ time of use ▸ self-consumption.
 *   <li>{@code planned}: reserve ▸ plan tracking, re-planned every 15 min over 24 h from forecasts
 *       made only from the past.
 *   <li>{@code perfect_foresight}: reserve ▸ plan tracking of one plan over the whole window made
 *       from the actual (15-minute averaged) net load: the limit.
 * </ul>
 *
 * <p><b>Billing.</b> The window is billed as its share of a month: the tariff's monthly demand
 * charge is prorated by window length ÷ 30.44 days and applied to the window's peak 15-minute
 * import, and every strategy (the planner included) works with that prorated rate, so that the
 * optimum and the costs answer the same question. Billing a week as a whole month would weigh the
 * peak four times.
 *
 * <p>The peak-shaving threshold is what an operator would set from history: the lowest import whose
 * daily excess over the warm-up days fits in the fleet's usable energy ({@link
 * PeakShaving#thresholdFromHistory}).
 */
public final class Scorecard {
  public static final String NONE = "none";
  public static final String PEAK_SHAVING = "peak_shaving";
  public static final String SELF_CONSUMPTION = "self_consumption";
  public static final String TIME_OF_USE = "time_of_use";
  public static final String STACKED = "stacked";
  public static final String PLANNED = "planned";
  public static final String PERFECT_FORESIGHT = "perfect_foresight";
  public static final List<String> STRATEGIES =
      List.of(
          NONE, PEAK_SHAVING, SELF_CONSUMPTION, TIME_OF_USE, STACKED, PLANNED, PERFECT_FORESIGHT);

  private static final Duration DAY = Duration.ofDays(1);

  /** Mean month length (365.25 / 12) for prorating the demand charge. */
  public static final double DAYS_PER_MONTH = 30.4375;

  private Scorecard() {}

  /**
   * One scenario's result.
   *
   * @param peakShavingThresholdW the threshold derived from the warm-up days [W]
   * @param strategies rows in {@link #STRATEGIES} order
   * @param meanReplanTime mean wall time of one forecast + 24 h re-plan in {@code planned}
   */
  public record Result(
      String scenario,
      double peakShavingThresholdW,
      Map<String, StrategyScore> strategies,
      Goals goals,
      Duration meanReplanTime) {}

  public static Result run(
      ReplayScenario unbilled, NetLoadForecaster forecaster, PlannerConfig plannerConfig) {
    ReplayScenario scenario = billedAsShareOfMonth(unbilled);
    BatterySpec fleet = scenario.fleet();
    double thresholdW = peakShavingThreshold(scenario, fleet);
    ReserveFloor reserve = new ReserveFloor(0.0);
    TimeOfUse timeOfUse = new TimeOfUse(fleet.maxChargeW(), fleet.maxSocPercent());
    Map<String, StrategyScore> rows = new LinkedHashMap<>();
    rows.put(
        NONE,
        ClosedLoopReplay.run(
            scenario,
            (ctx, past) ->
                new DispatchDecision(ctx.at(), 0.0, NONE, "no battery", PowerRange.point(0.0))));
    rows.put(
        PEAK_SHAVING,
        replay(
            scenario, StrategyStack.of(reserve, new PeakShaving(thresholdW, fleet.maxChargeW()))));
    rows.put(SELF_CONSUMPTION, replay(scenario, StrategyStack.of(reserve, new SelfConsumption())));
    rows.put(TIME_OF_USE, replay(scenario, StrategyStack.of(reserve, timeOfUse)));
    rows.put(
        STACKED,
        replay(
            scenario,
            StrategyStack.of(
                reserve, PeakShaving.limit(thresholdW), timeOfUse, new SelfConsumption())));
    StrategyStack tracking = StrategyStack.of(reserve, new PlanTracking());
    PlanningController planning =
        new PlanningController(tracking, new Planner(plannerConfig), forecaster);
    rows.put(PLANNED, ClosedLoopReplay.run(scenario, planning));
    Plan oracle = perfectForesightPlan(scenario, fleet, plannerConfig);
    rows.put(
        PERFECT_FORESIGHT,
        ClosedLoopReplay.run(scenario, (ctx, past) -> tracking.decide(ctx.withPlan(oracle))));
    return new Result(
        scenario.name(), thresholdW, rows, Goals.of(rows), planning.meanPlanningTime());
  }

  /** The scenario with its demand charge prorated to the scored window. */
  public static ReplayScenario billedAsShareOfMonth(ReplayScenario scenario) {
    double days =
        Duration.between(scenario.scoredFrom(), scenario.scoredUntil()).toSeconds() / 86_400.0;
    double rate = scenario.tariff().demandChargeEurPerKwMonth() * days / DAYS_PER_MONTH;
    return scenario.withTariff(scenario.tariff().withDemandCharge(rate));
  }

  /** The optimal plan over the whole scored window, knowing its actual net load. */
  static Plan perfectForesightPlan(
      ReplayScenario scenario, BatterySpec fleet, PlannerConfig config) {
    Duration window = Duration.between(scenario.scoredFrom(), scenario.scoredUntil());
    int slots = (int) (window.toNanos() / config.slot().toNanos());
    double[] actual = scenario.series().meanNetLoadW(scenario.scoredFrom(), config.slot(), slots);
    return new Planner(config.withHorizon(window))
        .plan(
            scenario.scoredFrom(),
            actual,
            fleet,
            scenario.initialSocPercent(),
            scenario.tariff(),
            0.0);
  }

  private static StrategyScore replay(ReplayScenario scenario, StrategyStack stack) {
    return ClosedLoopReplay.run(scenario, (ctx, past) -> stack.decide(ctx));
  }

  /** The threshold from the whole days of history before the scored window. */
  static double peakShavingThreshold(ReplayScenario scenario, BatterySpec fleet) {
    ReplaySeries series = scenario.series();
    long days = Duration.between(series.start(), scenario.scoredFrom()).toDays();
    if (days < 1) {
      throw new IllegalArgumentException(
          "the scenario needs at least one warm-up day before " + scenario.scoredFrom());
    }
    double[][] daily = new double[(int) days][];
    Instant firstDay = scenario.scoredFrom().minus(DAY.multipliedBy(days));
    for (int d = 0; d < days; d++) {
      daily[d] =
          series.meanNetLoadW(firstDay.plus(DAY.multipliedBy(d)), Duration.ofMinutes(15), 96);
    }
    double usableKwh =
        fleet.storedKwh(fleet.maxSocPercent() - fleet.reservePercent())
            * fleet.dischargeEfficiency();
    return PeakShaving.thresholdFromHistory(daily, usableKwh);
  }
}
