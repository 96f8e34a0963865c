package io.voltstream.energy.scorecard;

import io.voltstream.energy.dispatch.DispatchContext;
import io.voltstream.energy.dispatch.DispatchDecision;
import io.voltstream.energy.dispatch.StrategyStack;
import io.voltstream.energy.plan.Plan;
import io.voltstream.energy.plan.Planner;
import java.time.Duration;
import java.time.Instant;

/**
 * The planning strategy in closed loop, as the dispatch job runs it: at every slot boundary (every
 * 15 minutes) it forecasts the next horizon from the past only, re-plans from the current SoC and
 * month peak, and hands the plan to the stack (which should contain {@code PlanTracking}).
 */
public final class PlanningController implements ReplayController {
  private final StrategyStack stack;
  private final Planner planner;
  private final NetLoadForecaster forecaster;
  private Plan plan;
  private long plans;
  private long planningNanos;

  public PlanningController(StrategyStack stack, Planner planner, NetLoadForecaster forecaster) {
    this.stack = stack;
    this.planner = planner;
    this.forecaster = forecaster;
  }

  @Override
  public DispatchDecision decide(DispatchContext ctx, PastObservations past) {
    Duration slot = planner.config().slot();
    if (plan == null || isSlotStart(ctx.at(), slot) || plan.slotAt(ctx.at()) < 0) {
      Instant origin = slotStart(ctx.at(), slot);
      int slots = planner.config().slotsInHorizon();
      long t0 = System.nanoTime();
      NetLoadForecaster.LoadForecast f = forecaster.forecast(past, origin, slot, slots);
      plan =
          planner.plan(
              origin,
              f.netLoadW(),
              ctx.battery(),
              ctx.socPercent(),
              ctx.tariff(),
              ctx.monthPeakImportW());
      planningNanos += System.nanoTime() - t0;
      plans++;
    }
    return stack.decide(ctx.withPlan(plan));
  }

  /** Number of re-plans so far. */
  public long plans() {
    return plans;
  }

  /** Mean wall time of a forecast + re-plan. */
  public Duration meanPlanningTime() {
    return plans == 0 ? Duration.ZERO : Duration.ofNanos(planningNanos / plans);
  }

  static boolean isSlotStart(Instant at, Duration slot) {
    return at.equals(slotStart(at, slot));
  }

  static Instant slotStart(Instant at, Duration slot) {
    long s = slot.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), s) * s);
  }
}
