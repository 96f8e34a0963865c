package io.voltstream.jobs.dr.logic;

import io.voltstream.energy.battery.PowerConvention;
import io.voltstream.energy.dr.DrBatteryStep;
import io.voltstream.energy.dr.DrDeviceStep;
import io.voltstream.model.EntityId;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.DeviceInstruction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The DR execution's steps as {@link Command}s: source {@code dr}, {@code issued_by} = the event
 * id, a short validity (the operator re-issues them while the event runs, so if the job dies the
 * targets fall back to their safe mode; curtailing device instructions also carry {@code
 * duration_s} = the validity, after which a device returns to its own behaviour), and deterministic
 * ids {@code dr-<event>-<target>-<epoch ms>} so that a replay rewrites the same commands. Ids
 * follow the one identifier rule (≤ 64 characters, acknowledgements with longer ids are
 * dead-lettered by ingest): when the readable form would be longer, {@code <event>-<target>} is
 * replaced by 16 hex digits of its SHA-256. Battery power crosses from the energy module's +
 * discharging to the device convention through {@link PowerConvention}.
 */
public final class DrCommands {
  /** Digits of an epoch-millisecond instant until the year 2286. */
  private static final int EPOCH_MS_DIGITS = 13;

  /** The longest id {@link EntityId} allows. */
  private static final int MAX_ID_CHARS = 64;

  private DrCommands() {}

  public static String commandId(String eventId, String target, Instant at) {
    return prefix(eventId, target) + at.toEpochMilli();
  }

  /** Whether {@code commandId} is one this job issued to {@code target} for {@code eventId}. */
  public static boolean isFor(String commandId, String eventId, String target) {
    String prefix = prefix(eventId, target);
    if (commandId == null || !commandId.startsWith(prefix)) {
      return false;
    }
    String rest = commandId.substring(prefix.length());
    return !rest.isEmpty() && rest.chars().allMatch(Character::isDigit);
  }

  /**
   * A closed-loop discharge setpoint (+ discharging in the step, device convention on the wire).
   */
  public static Command battery(
      String eventId, String building, DrBatteryStep step, Instant at, Duration validity) {
    double chargingW = PowerConvention.energyToDeviceW(step.setpointW());
    return Command.battery(
        commandId(eventId, step.batteryId(), at),
        step.batteryId(),
        building,
        BatterySetpoint.ofSignedPowerW(chargingW),
        at,
        validity,
        CommandSource.DR,
        eventId);
  }

  /**
   * Hands a battery back to normal dispatch: mode {@code auto}; the dispatch job stops standing
   * back at once.
   */
  public static Command release(
      String eventId, String building, String batteryId, Instant at, Duration validity) {
    return Command.battery(
        commandId(eventId, batteryId, at),
        batteryId,
        building,
        new BatterySetpoint(BatteryMode.AUTO, 0),
        at,
        validity,
        CommandSource.DR,
        eventId);
  }

  /**
   * A curtailing instruction: it holds only for {@code validity} ({@code duration_s}), after which
   * the device returns to its own behaviour by itself — re-issued every evaluation, it lapses
   * within the validity if the job stops.
   */
  public static Command curtail(
      String eventId, String building, DrDeviceStep step, Instant at, Duration validity) {
    return device(eventId, building, step, at, validity, validity.toSeconds());
  }

  /** A restoring instruction (no duration: the device keeps what it is given back). */
  public static Command restore(
      String eventId, String building, DrDeviceStep step, Instant at, Duration validity) {
    return device(eventId, building, step, at, validity, null);
  }

  private static Command device(
      String eventId,
      String building,
      DrDeviceStep step,
      Instant at,
      Duration validity,
      Long durationS) {
    DeviceInstruction.Action action =
        switch (step.action()) {
          case ON -> DeviceInstruction.Action.ON;
          case OFF -> DeviceInstruction.Action.OFF;
          case SETPOINT -> DeviceInstruction.Action.SETPOINT;
        };
    return Command.device(
        commandId(eventId, step.deviceId(), at),
        step.deviceId(),
        building,
        new DeviceInstruction(action, step.value(), durationS),
        at,
        validity,
        CommandSource.DR,
        eventId);
  }

  private static String prefix(String eventId, String target) {
    String readable = "dr-" + eventId + "-" + target + "-";
    if (readable.length() + EPOCH_MS_DIGITS <= MAX_ID_CHARS) {
      return readable;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((eventId + "|" + target).getBytes(StandardCharsets.UTF_8));
      return "dr-" + HexFormat.of().formatHex(hash, 0, 8) + "-";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
