package io.voltstream.energy.dispatch;

import io.voltstream.energy.EnergyValidationException;
import io.voltstream.energy.battery.BatterySpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A building's dispatch configuration as the registry stores it (in the building's record) and
 * operators set it through the API: which strategies run, highest priority first, and their
 * parameters. {@link #toStack} turns it into the {@link StrategyStack} the dispatch job runs.
 *
 * <p>Strategy names: {@code reserve} ({@link ReserveFloor}), {@code demand_response} ({@link
 * DemandResponseOverride}, active only while a DR event is), {@code peak_shaving} ({@link
 * PeakShaving}, limit only: it never charges from the grid on its own), {@code time_of_use} ({@link
 * TimeOfUse}), {@code plan} ({@link PlanTracking}: follows the 15-minute re-plan from forecasts and
 * the tariff) and {@code self_consumption} ({@link SelfConsumption}).
 *
 * @param strategies names, highest priority first; none repeated; empty = battery idles
 * @param peakShavingThresholdKw import limit for {@code peak_shaving} [kW]; required when it is
 *     listed
 * @param timeOfUseChargeUpToSocPercent SoC up to which {@code time_of_use} charges in cheap hours
 *     [%]; null = the battery's max SoC
 */
public record DispatchSettings(
    List<String> strategies, Double peakShavingThresholdKw, Double timeOfUseChargeUpToSocPercent) {

  /** Every strategy name a building may list. */
  public static final List<String> KNOWN =
      List.of(
          ReserveFloor.NAME,
          DemandResponseOverride.NAME,
          PeakShaving.NAME,
          TimeOfUse.NAME,
          PlanTracking.NAME,
          SelfConsumption.NAME);

  public DispatchSettings {
    if (strategies == null) {
      throw new EnergyValidationException(
          "strategies", "must be a list of strategy names (may be empty)");
    }
    strategies = List.copyOf(strategies);
    var seen = new HashSet<String>();
    for (String s : strategies) {
      if (!KNOWN.contains(s)) {
        throw new EnergyValidationException(
            "strategies", "unknown strategy '" + s + "'; known: " + KNOWN);
      }
      if (!seen.add(s)) {
        throw new EnergyValidationException("strategies", "'" + s + "' is listed twice");
      }
    }
    if (strategies.contains(PeakShaving.NAME) && peakShavingThresholdKw == null) {
      throw new EnergyValidationException(
          "peak_shaving_threshold_kw", "is required when peak_shaving is listed");
    }
    if (peakShavingThresholdKw != null) {
      EnergyValidationException.requireInRange(
          "peak_shaving_threshold_kw", peakShavingThresholdKw, 0.0, 1e6);
    }
    if (timeOfUseChargeUpToSocPercent != null) {
      EnergyValidationException.requireInRange(
          "time_of_use_charge_up_to_soc_percent", timeOfUseChargeUpToSocPercent, 0.0, 100.0);
    }
  }

  /**
   * The documented default for a building with no settings: keep the reserve, obey DR, follow the
   * plan, and use PV surplus for whatever the plan leaves open. No peak-shaving threshold is
   * guessed: the plan already prices the demand charge.
   */
  public static DispatchSettings defaults() {
    return new DispatchSettings(
        List.of(
            ReserveFloor.NAME,
            DemandResponseOverride.NAME,
            PlanTracking.NAME,
            SelfConsumption.NAME),
        null,
        null);
  }

  /** Whether the planner must run for this building (the stack follows a plan). */
  public boolean needsPlan() {
    return strategies.contains(PlanTracking.NAME);
  }

  /**
   * The stack for {@code battery} (one battery or a building's aggregate), with the DR event active
   * now, if any; {@code demand_response} is left out while no event is active.
   */
  public StrategyStack toStack(BatterySpec battery, Optional<DemandResponseOverride> activeEvent) {
    List<DispatchStrategy> stack = new ArrayList<>();
    for (String name : strategies) {
      switch (name) {
        case ReserveFloor.NAME -> stack.add(new ReserveFloor(0.0));
        case DemandResponseOverride.NAME -> activeEvent.ifPresent(stack::add);
        case PeakShaving.NAME -> stack.add(PeakShaving.limit(peakShavingThresholdKw * 1000.0));
        case TimeOfUse.NAME ->
            stack.add(
                new TimeOfUse(
                    battery.maxChargeW(),
                    timeOfUseChargeUpToSocPercent == null
                        ? battery.maxSocPercent()
                        : timeOfUseChargeUpToSocPercent));
        case PlanTracking.NAME -> stack.add(new PlanTracking());
        case SelfConsumption.NAME -> stack.add(new SelfConsumption());
        default ->
            throw new IllegalStateException("unreachable: validated in the constructor: " + name);
      }
    }
    return new StrategyStack(stack);
  }
}
