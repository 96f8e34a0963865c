package io.voltstream.jobs.dispatch.logic;

import io.voltstream.energy.battery.BatteryFleet;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.plan.Plan;
import io.voltstream.energy.plan.Planner;
import io.voltstream.energy.tariff.Tariff;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The planning half of {@code scorecard/PlanningController}, for the Flink job: re-plan at each
 * slot boundary (every 15 minutes) — or when there is no plan covering now — over the next horizon
 * from the latest consumption and generation forecasts, the tariff, the fleet's SoC and the month
 * peak. Without a consumption forecast covering now there is no plan: {@code PlanTracking} then has
 * no opinion and the lower strategies decide; the note says so.
 */
public final class Replanner {
  public static final String NO_FORECAST = "no forecast: no plan, lower strategies decide";

  private Replanner() {}

  /** A plan (null = none) and a note for the decision reason (null = nothing to say). */
  public record Result(Plan plan, String note) {}

  public static boolean needsReplan(Plan current, Instant at, Duration slot) {
    return current == null || at.getEpochSecond() % slot.toSeconds() == 0 || current.slotAt(at) < 0;
  }

  public static Result refresh(
      Planner planner,
      Plan current,
      Instant at,
      List<BatterySpec> fleet,
      Map<String, BatteryReading> latest,
      Tariff tariff,
      double monthPeakImportW,
      ForecastBatch consumption,
      ForecastBatch generation) {
    Duration slot = planner.config().slot();
    if (!needsReplan(current, at, slot)) {
      return new Result(current, null);
    }
    if (fleet.isEmpty()) {
      return new Result(null, null);
    }
    Instant origin =
        Instant.ofEpochSecond(
            Math.floorDiv(at.getEpochSecond(), slot.toSeconds()) * slot.toSeconds());
    double[] netLoadW =
        ForecastBatch.netLoadW(
            origin, slot, planner.config().slotsInHorizon(), consumption, generation);
    if (netLoadW.length == 0) {
      return new Result(null, NO_FORECAST);
    }
    double[] soc = fleet.stream().mapToDouble(b -> latest.get(b.id()).socPercent()).toArray();
    BatterySpec aggregate = BatterySpec.aggregate(fleet.get(0).building(), fleet);
    return new Result(
        planner.plan(
            origin,
            netLoadW,
            aggregate,
            BatteryFleet.socPercent(fleet, soc),
            tariff,
            monthPeakImportW),
        null);
  }
}
