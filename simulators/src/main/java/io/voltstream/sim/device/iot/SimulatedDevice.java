package io.voltstream.sim.device.iot;

import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.sim.device.Noise;
import io.voltstream.sim.device.RecentAnswers;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A simulated controllable device (issue 9), free of MQTT: it judges instructions against its
 * {@link DeviceSpec}, holds its on/off state and setpoint, returns to its default behaviour when an
 * instruction's {@code duration_s} ends, and meters its consumption through its type's {@link
 * PowerModel} with a little seeded noise.
 *
 * <p>Two clocks, as for the simulated battery: the <b>contract clock</b> (wall time) judges {@code
 * valid_until} and times {@code duration_s}, because issuers stamp them from their wall clock; the
 * <b>simulation clock</b> drives the power model and stamps readings, so the device stays
 * consistent with the accelerated building.
 *
 * <p>Instruction rules: no {@code valid_until} or past it → rejected ({@code expired}); an action
 * the device cannot do, or a setpoint outside its range → rejected with the spec's reason ({@link
 * DeviceSpec#refusal}); a {@code duration_s} outside [1, 604800] → rejected. A command id seen
 * before gets the same answer again (QoS 1 redelivery). Thread-safe.
 */
public final class SimulatedDevice {
  private static final Duration MAX_STEP = Duration.ofSeconds(60);
  private static final Duration MAX_CATCH_UP = Duration.ofDays(1);
  private static final int REMEMBERED_ANSWERS = 256;
  private static final long MAX_DURATION_S = 7 * 24 * 3600;

  private final DeviceSpec spec;
  private final PowerModel model;
  private final Behaviour defaults;
  private final long seed;
  private final double noiseFraction;
  private boolean on;
  private Double setpoint;
  private String commandId;
  private Instant overrideUntil;
  private Instant lastWall;
  private Instant lastSim;
  private Instant lastReadAt;
  private double energySinceReadWh;
  private double lastStepW;
  private final RecentAnswers<Answer> answers = new RecentAnswers<>(REMEMBERED_ANSWERS);

  /** What the device does without an instruction: on or off, and its setpoint (or null). */
  public record Behaviour(boolean on, Double setpoint) {}

  /** An instruction as it arrives on {@code devices/{id}/instructions}. */
  public record Request(
      String commandId, String action, Double value, Long durationS, Instant validUntil) {}

  /** The answer to an instruction: {@code applied}, or {@code rejected} with a reason. */
  public record Answer(String commandId, boolean applied, String reason) {
    public String status() {
      return applied ? "applied" : "rejected";
    }
  }

  /**
   * One meter reading: the mean power since the previous reading and the energy of that interval.
   *
   * @param at simulated time of the reading
   */
  public record Meter(Instant at, double powerW, double energyKwh, boolean on, Double setpoint) {}

  /**
   * @param noiseFraction relative deviation of the metered power (e.g. 0.02)
   */
  public SimulatedDevice(
      DeviceSpec spec,
      PowerModel model,
      Behaviour defaults,
      long seed,
      double noiseFraction,
      Instant wallStart,
      Instant simStart) {
    this.spec = spec;
    this.model = model;
    this.defaults = defaults;
    this.seed = seed;
    this.noiseFraction = noiseFraction;
    this.lastWall = wallStart;
    this.lastSim = simStart;
    this.lastReadAt = simStart;
    revert();
  }

  public DeviceSpec spec() {
    return spec;
  }

  /** Judges {@code request} at wall time {@code now}; an applied one takes effect at once. */
  public synchronized Answer onInstruction(
      Request request, Instant now, Instant simNow, Surroundings around) {
    Optional<Answer> previous = answers.get(request.commandId());
    if (previous.isPresent()) {
      return previous.get();
    }
    advanceTo(now, simNow, around);
    Answer answer = judge(request, now);
    if (answer.applied()) {
      String action = request.action().trim().toLowerCase(Locale.ROOT);
      switch (action) {
        case "on" -> on = true;
        case "off" -> on = false;
        default -> {
          // a setpoint also switches the device on: that is what asking for a setpoint means
          on = true;
          setpoint = request.value();
        }
      }
      commandId = request.commandId();
      overrideUntil = request.durationS() == null ? null : now.plusSeconds(request.durationS());
    }
    answers.put(request.commandId(), answer);
    return answer;
  }

  private Answer judge(Request r, Instant now) {
    if (r.validUntil() == null) {
      return new Answer(r.commandId(), false, "valid_until is required");
    }
    if (!now.isBefore(r.validUntil())) {
      return new Answer(r.commandId(), false, "expired");
    }
    if (r.durationS() != null && (r.durationS() < 1 || r.durationS() > MAX_DURATION_S)) {
      return new Answer(r.commandId(), false, "duration_s must be in [1, " + MAX_DURATION_S + "]");
    }
    Optional<String> refusal = spec.refusal(r.action(), r.value()).map(Exception::getMessage);
    return refusal
        .map(reason -> new Answer(r.commandId(), false, reason))
        .orElseGet(() -> new Answer(r.commandId(), true, null));
  }

  /**
   * The meter reading at wall time {@code now} (simulated {@code simNow}): mean power and energy
   * since the previous reading. Readings of one device have strictly increasing timestamps.
   */
  public synchronized Meter read(Instant now, Instant simNow, Surroundings around) {
    advanceTo(now, simNow, around);
    Instant at = lastSim.isAfter(lastReadAt) ? lastSim : lastReadAt.plusMillis(1);
    at = Instant.ofEpochMilli(at.toEpochMilli());
    double hours = Duration.between(lastReadAt, at).toNanos() / 3.6e12;
    double meanW = energySinceReadWh > 0 && hours > 0 ? energySinceReadWh / hours : lastStepW;
    double noisy =
        Math.max(
            0, meanW * (1 + noiseFraction * Noise.gaussian(seed, spec.id(), at.toEpochMilli())));
    double powerW = Math.round(noisy * 10) / 10.0;
    lastReadAt = at;
    energySinceReadWh = 0;
    return new Meter(at, powerW, powerW * hours / 1000.0, on, setpoint);
  }

  /** Whether the device is switched on at wall time {@code now} (an ended override counts). */
  public synchronized boolean isOn(Instant now) {
    return overrideUntil != null && !overrideUntil.isAfter(now) ? defaults.on() : on;
  }

  /** The command id of the instruction the device follows, or null under its default behaviour. */
  public synchronized String commandId() {
    return commandId;
  }

  /** Advances to wall time {@code now}, ending an override whose duration is over on the way. */
  private void advanceTo(Instant now, Instant simNow, Surroundings around) {
    if (overrideUntil != null && !overrideUntil.isAfter(now)) {
      long wallStepNs = Math.max(1, Duration.between(lastWall, now).toNanos());
      double fraction =
          Math.max(
              0,
              Math.min(
                  1, Duration.between(lastWall, overrideUntil).toNanos() / (double) wallStepNs));
      integrate(
          lastSim.plusNanos((long) (Duration.between(lastSim, simNow).toNanos() * fraction)),
          around);
      revert();
    }
    integrate(simNow, around);
    if (now.isAfter(lastWall)) {
      lastWall = now;
    }
  }

  private void integrate(Instant to, Surroundings around) {
    if (!to.isAfter(lastSim)) {
      return;
    }
    if (Duration.between(lastSim, to).compareTo(MAX_CATCH_UP) > 0) {
      // a long pause (suspended process): do not replay days of steps
      lastSim = to.minus(MAX_CATCH_UP);
      lastReadAt = lastReadAt.isBefore(lastSim) ? lastSim : lastReadAt;
    }
    while (lastSim.isBefore(to)) {
      Duration remaining = Duration.between(lastSim, to);
      Duration step = remaining.compareTo(MAX_STEP) < 0 ? remaining : MAX_STEP;
      lastStepW = model.stepW(lastSim, step, on, setpoint, around);
      energySinceReadWh += lastStepW * step.toNanos() / 3.6e12;
      lastSim = lastSim.plus(step);
    }
  }

  private void revert() {
    on = defaults.on();
    setpoint = defaults.setpoint();
    commandId = null;
    overrideUntil = null;
  }
}
