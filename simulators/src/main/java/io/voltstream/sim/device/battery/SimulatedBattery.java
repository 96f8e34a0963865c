package io.voltstream.sim.device.battery;

import io.voltstream.energy.battery.BatteryPhysics;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.battery.PowerConvention;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.sim.device.RecentAnswers;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A simulated stationary battery, free of MQTT: it judges commands, follows the accepted setpoint
 * until its {@code valid_until} and then returns to its safe mode (idle, reported as {@code safe}),
 * and integrates its SoC with {@link BatteryPhysics} (efficiencies, power and SoC limits).
 *
 * <p>Two clocks, both passed in by the caller: the <b>contract clock</b> (wall time) judges {@code
 * valid_until}, because issuers stamp it from their wall clock; the <b>simulation clock</b> drives
 * the energy integration and stamps telemetry, so an accelerated clock charges the battery faster,
 * consistent with the simulated building. With acceleration 1 both are the same.
 *
 * <p>Command rules: a command past its {@code valid_until} is rejected ({@code expired}); an
 * unknown mode or a missing/negative/non-finite power is rejected naming the field; a power beyond
 * the battery's {@code max_charge_w}/{@code max_discharge_w} is <b>rejected</b> naming the limit
 * (not clamped: the sender asked for something this battery cannot do and should know it). {@code
 * idle} and {@code auto} are applied as 0 W ({@code auto} has no local optimiser here). Near the
 * SoC bounds an accepted setpoint is tapered by the physics (reported power shows what is
 * delivered). A {@code dispatch} command is rejected while a command from another source ({@code
 * manual}, {@code dr}, {@code rule}) is in force: the dispatch job stands back for those, but it
 * may decide before it has read them. A command id seen before gets the same answer again (MQTT QoS
 * 1 and the bridge may redeliver). Thread-safe.
 */
public final class SimulatedBattery {
  public static final String SAFE_MODE = "safe";
  private static final Set<String> MODES = Set.of("charge", "discharge", "idle", "auto");
  private static final int REMEMBERED_ANSWERS = 256;

  private final BatterySpec spec;
  private final double sohPercent;
  private double socPercent;
  private Instant lastWall;
  private Instant lastSim;
  private double setpointChargingW;
  private String mode = SAFE_MODE;
  private String commandId;
  private Instant validUntil;
  private String heldBy;
  private double lastPowerChargingW;
  private final RecentAnswers<Answer> answers = new RecentAnswers<>(REMEMBERED_ANSWERS);

  /**
   * A battery command as it arrives on {@code batteries/{id}/commands}; {@code source} is {@code
   * manual}, {@code dispatch}, {@code dr} or {@code rule} (null when the sender did not say).
   */
  public record Request(
      String commandId, String mode, Double powerW, Instant validUntil, String source) {
    public Request(String commandId, String mode, Double powerW, Instant validUntil) {
      this(commandId, mode, powerW, validUntil, null);
    }

    boolean fromDispatch() {
      return "dispatch".equals(source);
    }
  }

  /** The answer to a command: {@code applied}, or {@code rejected} with a reason. */
  public record Answer(String commandId, boolean applied, String reason) {
    public String status() {
      return applied ? "applied" : "rejected";
    }
  }

  public SimulatedBattery(
      BatterySpec spec, double initialSocPercent, Instant wallStart, Instant simStart) {
    this.spec = spec;
    this.sohPercent = 100.0;
    this.socPercent =
        Math.max(spec.minSocPercent(), Math.min(spec.maxSocPercent(), initialSocPercent));
    this.lastWall = wallStart;
    this.lastSim = simStart;
  }

  public BatterySpec spec() {
    return spec;
  }

  /** Judges {@code request} at wall time {@code now}; an applied one becomes the setpoint. */
  public synchronized Answer onCommand(Request request, Instant now, Instant simNow) {
    Optional<Answer> previous = answers.get(request.commandId());
    if (previous.isPresent()) {
      return previous.get();
    }
    advanceTo(now, simNow);
    Answer answer = judge(request, now);
    if (answer.applied()) {
      double power = request.powerW() == null ? 0 : request.powerW();
      setpointChargingW =
          switch (request.mode()) {
            case "charge" -> power;
            case "discharge" -> -power;
            default -> 0;
          };
      mode = request.mode();
      commandId = request.commandId();
      validUntil = request.validUntil();
      heldBy = request.fromDispatch() ? null : request.source();
    }
    answers.put(request.commandId(), answer);
    return answer;
  }

  private Answer judge(Request r, Instant now) {
    if (r.validUntil() == null) {
      return rejected(r, "valid_until is required");
    }
    if (!now.isBefore(r.validUntil())) {
      return rejected(r, "expired");
    }
    if (r.mode() == null || !MODES.contains(r.mode())) {
      return rejected(r, "unknown mode '" + r.mode() + "'");
    }
    if (r.fromDispatch() && heldBy != null && validUntil != null && now.isBefore(validUntil)) {
      // the dispatch job may not have read the manual/DR/rule command yet when it decides: the
      // command in force wins until it expires
      return rejected(r, "held by " + heldBy + " command " + commandId + " until " + validUntil);
    }
    boolean moves = r.mode().equals("charge") || r.mode().equals("discharge");
    if (moves && (r.powerW() == null || !Double.isFinite(r.powerW()) || r.powerW() < 0)) {
      return rejected(r, "power_w must be a finite number >= 0");
    }
    if (r.mode().equals("charge") && r.powerW() > spec.maxChargeW()) {
      return rejected(
          r,
          String.format(
              Locale.ROOT,
              "power_w %.0f exceeds max_charge_w %.0f",
              r.powerW(),
              spec.maxChargeW()));
    }
    if (r.mode().equals("discharge") && r.powerW() > spec.maxDischargeW()) {
      return rejected(
          r,
          String.format(
              Locale.ROOT,
              "power_w %.0f exceeds max_discharge_w %.0f",
              r.powerW(),
              spec.maxDischargeW()));
    }
    return new Answer(r.commandId(), true, null);
  }

  private static Answer rejected(Request r, String reason) {
    return new Answer(r.commandId(), false, reason);
  }

  /**
   * Integrates up to wall time {@code now} (simulated {@code simNow}) and returns the state to
   * publish.
   */
  public synchronized BatteryTelemetry stateAt(Instant now, Instant simNow) {
    advanceTo(now, simNow);
    return new BatteryTelemetry(
        spec.id(),
        simNow,
        socPercent,
        lastPowerChargingW,
        BatteryPhysics.capacityKwh(spec, sohPercent),
        spec.maxChargeW(),
        spec.maxDischargeW(),
        sohPercent,
        mode,
        commandId,
        null);
  }

  /**
   * Integrates the SoC to {@code now}, splitting at {@code valid_until} where the setpoint ends.
   */
  private void advanceTo(Instant now, Instant simNow) {
    if (validUntil != null && !validUntil.isAfter(now)) {
      // the simulated instant that corresponds to valid_until, by the ratio of the two clocks'
      // steps
      long wallStepNs = Math.max(1, Duration.between(lastWall, now).toNanos());
      double fraction =
          Math.max(
              0,
              Math.min(1, Duration.between(lastWall, validUntil).toNanos() / (double) wallStepNs));
      Instant simAtExpiry =
          lastSim.plusNanos((long) (Duration.between(lastSim, simNow).toNanos() * fraction));
      integrate(simAtExpiry);
      enterSafeMode();
    }
    integrate(simNow);
    if (now.isAfter(lastWall)) {
      lastWall = now;
    }
  }

  private void integrate(Instant to) {
    if (!to.isAfter(lastSim)) {
      return;
    }
    Duration step = Duration.between(lastSim, to);
    BatteryPhysics.Step s =
        BatteryPhysics.step(
            spec, socPercent, sohPercent, PowerConvention.deviceToEnergyW(setpointChargingW), step);
    socPercent = s.socPercent();
    lastPowerChargingW = PowerConvention.energyToDeviceW(s.appliedPowerW());
    lastSim = to;
  }

  private void enterSafeMode() {
    setpointChargingW = 0;
    mode = SAFE_MODE;
    commandId = null;
    validUntil = null;
  }
}
