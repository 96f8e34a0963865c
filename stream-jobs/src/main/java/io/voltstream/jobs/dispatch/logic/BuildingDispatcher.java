package io.voltstream.jobs.dispatch.logic;

import io.voltstream.energy.battery.BatteryFleet;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.battery.PowerConvention;
import io.voltstream.energy.dispatch.DemandResponseOverride;
import io.voltstream.energy.dispatch.DispatchContext;
import io.voltstream.energy.dispatch.DispatchDecision;
import io.voltstream.energy.dispatch.DispatchSettings;
import io.voltstream.energy.plan.Plan;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One building's decision at one instant: the energy module's strategy stack decides for the
 * building's batteries seen as one ({@link BatterySpec#aggregate}), {@link BatteryFleet#split}
 * shares the setpoint, and each share becomes a {@link Command}. Nothing is decided here that the
 * energy module does not decide; this is only the glue the Flink operator calls.
 *
 * <p>Batteries under a valid manual command, or a valid command of the DR job (source {@code dr},
 * recorded as strategy {@code demand_response}), are left out of the fleet; their reported power
 * counts as part of the building's load (a charging battery is load), so the others work around
 * them. Batteries without telemetry are left out (their SoC is unknown).
 */
public final class BuildingDispatcher {
  public static final String MANUAL_OVERRIDE = "manual_override";
  public static final String ISSUED_BY = "dispatch";

  private BuildingDispatcher() {}

  /**
   * @param batteries the building's batteries from the registry
   * @param latest latest telemetry per battery id
   * @param overridden ids of batteries under a valid manual command
   * @param netLoadW consumption − generation from the readings [W]
   * @param plan the current plan, when one was made
   * @param planNote appended to the reason (e.g. why there is no plan); null for none
   * @param demandResponse the DR event active now, if any (the hook for DR execution)
   * @param drHeld ids of batteries under a valid command of the DR job (source {@code dr}): left
   *     alone like manual ones, recorded with strategy {@code demand_response}
   * @param marketPositionKwh bought − sold in the market for the slot of {@code at} [kWh]; 0
   *     without trades (self-consumption then targets grid exchange = this position, see {@link
   *     io.voltstream.energy.dispatch.SelfConsumption})
   */
  public record Inputs(
      String building,
      Instant at,
      Duration interval,
      Duration validity,
      DispatchSettings settings,
      Tariff tariff,
      List<BatterySpec> batteries,
      Map<String, BatteryReading> latest,
      Set<String> overridden,
      double netLoadW,
      double monthPeakImportW,
      Optional<Plan> plan,
      String planNote,
      Optional<DemandResponseOverride> demandResponse,
      Set<String> drHeld,
      double marketPositionKwh) {

    public Inputs {
      drHeld = drHeld == null ? Set.of() : Set.copyOf(drHeld);
    }

    /** Inputs without market trades. */
    public Inputs(
        String building,
        Instant at,
        Duration interval,
        Duration validity,
        DispatchSettings settings,
        Tariff tariff,
        List<BatterySpec> batteries,
        Map<String, BatteryReading> latest,
        Set<String> overridden,
        double netLoadW,
        double monthPeakImportW,
        Optional<Plan> plan,
        String planNote,
        Optional<DemandResponseOverride> demandResponse,
        Set<String> drHeld) {
      this(
          building,
          at,
          interval,
          validity,
          settings,
          tariff,
          batteries,
          latest,
          overridden,
          netLoadW,
          monthPeakImportW,
          plan,
          planNote,
          demandResponse,
          drHeld,
          0);
    }

    /** The same inputs with the building's market position for the slot of {@code at}. */
    public Inputs withMarketPositionKwh(double positionKwh) {
      return new Inputs(
          building,
          at,
          interval,
          validity,
          settings,
          tariff,
          batteries,
          latest,
          overridden,
          netLoadW,
          monthPeakImportW,
          plan,
          planNote,
          demandResponse,
          drHeld,
          positionKwh);
    }

    /** Inputs without DR-held batteries. */
    public Inputs(
        String building,
        Instant at,
        Duration interval,
        Duration validity,
        DispatchSettings settings,
        Tariff tariff,
        List<BatterySpec> batteries,
        Map<String, BatteryReading> latest,
        Set<String> overridden,
        double netLoadW,
        double monthPeakImportW,
        Optional<Plan> plan,
        String planNote,
        Optional<DemandResponseOverride> demandResponse) {
      this(
          building,
          at,
          interval,
          validity,
          settings,
          tariff,
          batteries,
          latest,
          overridden,
          netLoadW,
          monthPeakImportW,
          plan,
          planNote,
          demandResponse,
          Set.of());
    }

    /** Batteries dispatch leaves alone: manual or DR command in force. */
    Set<String> held() {
      Set<String> all = new java.util.HashSet<>(overridden);
      all.addAll(drHeld);
      return all;
    }
  }

  /** The fleet dispatch sees (not overridden, with telemetry), in registry order. */
  public static List<BatterySpec> dispatchable(
      List<BatterySpec> batteries, Map<String, BatteryReading> latest, Set<String> overridden) {
    return batteries.stream()
        .filter(b -> latest.containsKey(b.id()) && !overridden.contains(b.id()))
        .toList();
  }

  /** A deterministic command id: a replay of the same decision rewrites the same command. */
  public static String commandId(String building, String batteryId, Instant at) {
    return "dispatch-" + building + "-" + batteryId + "-" + at.toEpochMilli();
  }

  public static List<BatteryDecision> decide(Inputs in) {
    List<BatteryDecision> out = new ArrayList<>();
    double netForFleet = in.netLoadW();
    for (BatterySpec b : in.batteries()) {
      BatteryReading r = in.latest().get(b.id());
      boolean manual = in.overridden().contains(b.id());
      if (r != null && (manual || in.drHeld().contains(b.id()))) {
        netForFleet += r.chargingPowerW();
        out.add(
            new BatteryDecision(
                in.building(),
                b.id(),
                in.at(),
                r.chargingPowerW(),
                in.netLoadW(),
                r.socPercent(),
                r.chargingPowerW(),
                r.chargingPowerW(),
                null,
                manual ? MANUAL_OVERRIDE : DemandResponseOverride.NAME,
                manual
                    ? "a manual command is in force; dispatch leaves this battery alone"
                    : "a demand-response command (DR job) is in force; dispatch leaves this battery"
                        + " alone",
                null));
      }
    }
    List<BatterySpec> fleet = dispatchable(in.batteries(), in.latest(), in.held());
    if (fleet.isEmpty()) {
      return out;
    }
    double[] soc = fleet.stream().mapToDouble(b -> in.latest().get(b.id()).socPercent()).toArray();
    BatterySpec aggregate = BatterySpec.aggregate(in.building(), fleet);
    double fleetSoc = BatteryFleet.socPercent(fleet, soc);
    DispatchContext ctx =
        new DispatchContext(
            in.at(),
            in.interval(),
            netForFleet,
            aggregate,
            fleetSoc,
            BatteryFleet.limits(fleet, soc, in.interval(), false),
            in.tariff(),
            in.monthPeakImportW(),
            in.plan(),
            in.marketPositionKwh());
    DispatchDecision d = in.settings().toStack(aggregate, in.demandResponse()).decide(ctx);

    double[] setpoint = BatteryFleet.split(fleet, soc, in.interval(), d.setpointW());
    double[] min = BatteryFleet.split(fleet, soc, in.interval(), d.rangeW().minW());
    double[] max = BatteryFleet.split(fleet, soc, in.interval(), d.rangeW().maxW());
    double[] planned =
        in.plan()
            .map(p -> planPowerW(p, in.at()))
            .map(w -> BatteryFleet.split(fleet, soc, in.interval(), w))
            .orElse(null);
    String reason = in.planNote() == null ? d.reason() : d.reason() + "; " + in.planNote();
    for (int i = 0; i < fleet.size(); i++) {
      String id = fleet.get(i).id();
      double chargingW = PowerConvention.energyToDeviceW(setpoint[i]);
      Command command =
          Command.battery(
              commandId(in.building(), id, in.at()),
              id,
              in.building(),
              BatterySetpoint.ofSignedPowerW(chargingW),
              in.at(),
              in.validity(),
              CommandSource.DISPATCH,
              ISSUED_BY);
      // In + charging the discharge end (max, + discharging) becomes the lower bound.
      out.add(
          new BatteryDecision(
              in.building(),
              id,
              in.at(),
              chargingW,
              in.netLoadW(),
              soc[i],
              PowerConvention.energyToDeviceW(max[i]),
              PowerConvention.energyToDeviceW(min[i]),
              planned == null ? null : PowerConvention.energyToDeviceW(planned[i]),
              d.strategy(),
              reason,
              command));
    }
    return out;
  }

  private static Double planPowerW(Plan plan, Instant at) {
    int slot = plan.slotAt(at);
    return slot < 0 ? null : plan.batteryPowerW().get(slot);
  }
}
