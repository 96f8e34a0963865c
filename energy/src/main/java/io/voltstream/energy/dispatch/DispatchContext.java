package io.voltstream.energy.dispatch;

import io.voltstream.energy.battery.BatteryPhysics;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.battery.PowerRange;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.plan.Plan;
import io.voltstream.energy.tariff.Tariff;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a strategy may look at for one decision.
 *
 * @param at event time of the decision
 * @param interval how long the setpoint will hold (10 s in the Flink job, the step in a replay)
 * @param netLoadW building consumption − generation [W]; negative = PV surplus
 * @param battery the (possibly aggregated, see {@link BatterySpec#aggregate}) battery
 * @param socPercent its state of charge
 * @param physicalRangeW what the battery can do over {@code interval} within its min/max SoC
 * @param tariff the building's tariff
 * @param monthPeakImportW highest 15-minute average import of the billing month so far [W]
 * @param plan the current plan, if a planner made one
 * @param marketPositionKwh the building's committed market position in the current 15-minute slot:
 *     bought − sold [kWh] (0 = no trades: grid exchange target 0, today's self-consumption)
 */
public record DispatchContext(
    Instant at,
    Duration interval,
    double netLoadW,
    BatterySpec battery,
    double socPercent,
    PowerRange physicalRangeW,
    Tariff tariff,
    double monthPeakImportW,
    Optional<Plan> plan,
    double marketPositionKwh) {

  public DispatchContext {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(battery, "battery");
    Objects.requireNonNull(physicalRangeW, "physicalRangeW");
    Objects.requireNonNull(tariff, "tariff");
    Objects.requireNonNull(plan, "plan");
    if (!Double.isFinite(netLoadW) || !Double.isFinite(socPercent)) {
      throw new IllegalArgumentException("net load and SoC must be finite");
    }
    if (!Double.isFinite(marketPositionKwh)) {
      throw new IllegalArgumentException("market position must be finite");
    }
  }

  /** A context without market trades (position 0). */
  public DispatchContext(
      Instant at,
      Duration interval,
      double netLoadW,
      BatterySpec battery,
      double socPercent,
      PowerRange physicalRangeW,
      Tariff tariff,
      double monthPeakImportW,
      Optional<Plan> plan) {
    this(
        at,
        interval,
        netLoadW,
        battery,
        socPercent,
        physicalRangeW,
        tariff,
        monthPeakImportW,
        plan,
        0);
  }

  /**
   * The grid exchange the building committed to for the current slot [W], + import: the position
   * spread evenly over the 15-minute slot ({@link MarketSpec#SLOT}). The slot average, not the rest
   * over the remaining time: dispatch does not meter what was already exchanged in the slot, and an
   * even rate delivers the position by the slot's end when held from its start.
   */
  public double marketPositionW() {
    return marketPositionKwh * 1000.0 * 3600.0 / MarketSpec.SLOT.toSeconds();
  }

  /** A context for one battery, its physical range computed from its spec and SoC. */
  public static DispatchContext of(
      Instant at,
      Duration interval,
      double netLoadW,
      BatterySpec battery,
      double socPercent,
      Tariff tariff,
      double monthPeakImportW) {
    return new DispatchContext(
        at,
        interval,
        netLoadW,
        battery,
        socPercent,
        BatteryPhysics.limits(battery, socPercent, interval),
        tariff,
        monthPeakImportW,
        Optional.empty());
  }

  public DispatchContext withPlan(Plan newPlan) {
    return new DispatchContext(
        at,
        interval,
        netLoadW,
        battery,
        socPercent,
        physicalRangeW,
        tariff,
        monthPeakImportW,
        Optional.ofNullable(newPlan),
        marketPositionKwh);
  }

  /** The same context with the building's market position in the current slot (bought − sold). */
  public DispatchContext withMarketPositionKwh(double positionKwh) {
    return new DispatchContext(
        at,
        interval,
        netLoadW,
        battery,
        socPercent,
        physicalRangeW,
        tariff,
        monthPeakImportW,
        plan,
        positionKwh);
  }
}
