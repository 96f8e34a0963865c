package io.voltstream.energy.scorecard;

import io.voltstream.energy.battery.BatteryFleet;
import io.voltstream.energy.battery.BatteryPhysics;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.battery.PowerRange;
import io.voltstream.energy.dispatch.DispatchContext;
import io.voltstream.energy.dispatch.DispatchDecision;
import io.voltstream.energy.tariff.Bill;
import io.voltstream.energy.tariff.Billing;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs a controller in closed loop with the battery physics over a scenario's scored window: at
 * every step (the series' step, 1 minute in the scorecard, where the Flink job decides every 10 s)
 * the controller sees the step's net load and the fleet's SoC, its setpoint is split among the
 * batteries and integrated by {@link BatteryPhysics}, and the resulting grid power is billed.
 *
 * <p>The net load of a step is taken as known when deciding it, as the Flink job knows the last 10
 * s of readings: with 1-minute steps this is the replay's one simplification.
 */
public final class ClosedLoopReplay {
  private static final double RESERVE_TOLERANCE_PERCENT = 1e-6;

  private ClosedLoopReplay() {}

  public static StrategyScore run(ReplayScenario scenario, ReplayController controller) {
    ReplaySeries series = scenario.series();
    Duration step = series.step();
    List<BatterySpec> batteries = scenario.batteries();
    BatterySpec fleet = scenario.fleet();
    double[] soc = new double[batteries.size()];
    Arrays.fill(soc, scenario.initialSocPercent());
    int from = series.indexOf(scenario.scoredFrom());
    int until = series.indexOf(scenario.scoredUntil());
    double[] gridW = new double[until - from];
    long stepsPerInterval = Billing.DEMAND_INTERVAL.toNanos() / step.toNanos();
    double monthPeakW = 0;
    double intervalImportW = 0;
    int violations = 0;
    double cellDischargedKwh = 0;
    double generationKwh = 0;
    double hours = step.toNanos() / 3.6e12;

    for (int i = from; i < until; i++) {
      Instant at = series.timeAt(i);
      double net = series.netLoadW(i);
      double fleetSoc = BatteryFleet.socPercent(batteries, soc);
      PowerRange range = BatteryFleet.limits(batteries, soc, step, false);
      DispatchContext ctx =
          new DispatchContext(
              at,
              step,
              net,
              fleet,
              fleetSoc,
              range,
              scenario.tariff(),
              monthPeakW,
              Optional.empty());
      DispatchDecision decision = controller.decide(ctx, new PastObservations(series, at));
      double[] setpoints = BatteryFleet.split(batteries, soc, step, decision.setpointW());
      double appliedW = 0;
      for (int b = 0; b < batteries.size(); b++) {
        BatterySpec spec = batteries.get(b);
        BatteryPhysics.Step s = BatteryPhysics.step(spec, soc[b], 100.0, setpoints[b], step);
        boolean intoReserve =
            s.appliedPowerW() > 0
                && soc[b] <= spec.reservePercent() + RESERVE_TOLERANCE_PERCENT
                && s.socPercent() < spec.reservePercent() - RESERVE_TOLERANCE_PERCENT;
        if (s.clamp() == BatteryPhysics.Clamp.SOC_LIMIT || intoReserve) {
          violations++;
        }
        soc[b] = s.socPercent();
        appliedW += s.appliedPowerW();
        cellDischargedKwh += s.cellDischargedKwh();
      }
      double grid = net - appliedW;
      gridW[i - from] = grid;
      generationKwh += series.generationW(i) * hours / 1000.0;
      intervalImportW += Math.max(0, grid);
      if ((i - from + 1) % stepsPerInterval == 0) {
        monthPeakW = Math.max(monthPeakW, intervalImportW / stepsPerInterval);
        intervalImportW = 0;
      }
    }
    Bill bill = Billing.bill(scenario.tariff(), scenario.scoredFrom(), step, gridW);
    double selfConsumption =
        generationKwh <= 0
            ? 100.0
            : Math.max(0.0, (generationKwh - bill.exportKwh()) / generationKwh * 100.0);
    return new StrategyScore(
        bill.peakImportKw(),
        selfConsumption,
        bill.totalEur(),
        violations,
        cellDischargedKwh / fleet.capacityKwh(),
        bill.energyCostEur(),
        bill.demandChargeEur(),
        bill.importKwh(),
        bill.exportKwh(),
        bill.co2Kg(),
        BatteryFleet.socPercent(batteries, soc));
  }
}
