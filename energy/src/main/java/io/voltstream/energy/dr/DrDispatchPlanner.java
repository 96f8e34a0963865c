package io.voltstream.energy.dr;

import io.voltstream.energy.battery.BatteryPhysics;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.FlexibilityKind;
import io.voltstream.energy.dr.DrDispatchInputs.BatteryInput;
import io.voltstream.energy.dr.DrDispatchInputs.DeviceInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The execution order of a demand-response event (issue 9 item 4): which batteries and devices
 * deliver the requested reduction, evaluated again at every step of the running event.
 *
 * <ol>
 *   <li><b>Battery headroom first.</b> Every battery that has not refused takes part. What it
 *       counts for is the discharge it can hold <i>above its reserve for the rest of the event</i>:
 *       min(power limit, energy above the reserve × discharge efficiency ÷ time left). Its setpoint
 *       is closed-loop: grid import without the batteries − (baseline − requested), clipped to [0,
 *       its discharge limit over the next step] and shared in proportion to those limits (DR never
 *       charges a battery). Without a baseline yet, the batteries cover requested − held device
 *       load.
 *   <li><b>Then curtailable loads, then shiftable loads</b>, while requested − battery headroom −
 *       held load &gt; 0. Candidates are DR-enabled, controllable devices of that class that are on
 *       and metered above {@value #MIN_DEVICE_W} W, and have not refused, nor been released in this
 *       event. Within a class: <b>largest metered power first, ties by device id</b> (a
 *       deterministic order, so a replay makes the same choices). A held device counts for the
 *       power it drew when held.
 *   <li>A device is told {@code off} when it can be switched ({@code on_off}; restored with {@code
 *       on}), else set to its lowest setpoint (restored to the last setpoint applied outside DR
 *       when known; otherwise it returns by itself when the instruction's duration lapses).
 *   <li><b>Comfort limits:</b> a device held for its {@link DeviceSpec#curtailmentLimit()} is given
 *       back (a restore step) and not held again in this event; the next candidate replaces it.
 *   <li><b>Re-dispatch:</b> a target that rejected or timed out a command is excluded: a battery
 *       leaves the fleet (its headroom no longer counts), a held device is dropped without a
 *       restore (it never carried the instruction out), and the next candidate is dispatched.
 * </ol>
 *
 * <p>Holds are sticky: a device stays held while it is needed at all, even when battery headroom
 * grows again, so devices are not toggled every evaluation. At the end or on cancellation {@link
 * #restoreAll} gives every held device back; the batteries return to normal dispatch.
 */
public final class DrDispatchPlanner {
  /** A device drawing less than this is neither worth curtailing nor counted as on [W]. */
  public static final double MIN_DEVICE_W = 1.0;

  /** The order devices are dispatched in (see the class comment). */
  public static final Comparator<DeviceInput> DEVICE_ORDER =
      Comparator.<DeviceInput>comparingInt(d -> classRank(d.spec().flexibility()))
          .thenComparing(Comparator.comparingDouble(DeviceInput::meteredW).reversed())
          .thenComparing(d -> d.spec().id());

  private DrDispatchPlanner() {}

  /** One evaluation of a running event. */
  public static DrDispatch plan(DrDispatchInputs in) {
    List<String> notes = new ArrayList<>();

    List<BatteryInput> fleet =
        in.batteries().stream()
            .filter(b -> !in.excluded().contains(b.spec().id()))
            .sorted(Comparator.comparing(b -> b.spec().id()))
            .toList();
    double[] stepMaxW = new double[fleet.size()];
    double headroomW = 0;
    double stepTotalW = 0;
    for (int i = 0; i < fleet.size(); i++) {
      BatteryInput b = fleet.get(i);
      stepMaxW[i] = stepLimitW(b, in.step());
      stepTotalW += stepMaxW[i];
      headroomW += sustainableW(b, in.step(), in.remaining());
    }

    Map<String, DeviceInput> devices = new HashMap<>();
    for (DeviceInput d : in.devices()) {
      devices.put(d.spec().id(), d);
    }
    List<DeviceHold> holds = new ArrayList<>();
    List<DrDeviceStep> restore = new ArrayList<>();
    List<String> newlyReleased = new ArrayList<>();
    for (DeviceHold h : in.holds()) {
      DeviceInput d = devices.get(h.deviceId());
      if (in.excluded().contains(h.deviceId())) {
        notes.add(h.deviceId() + " dropped: it did not carry out the instruction");
      } else if (d == null) {
        h.restoreStep("left the registry").ifPresent(restore::add);
        notes.add(h.deviceId() + " given back: it left the registry");
      } else if (!in.at().isBefore(h.since().plus(d.spec().curtailmentLimit()))) {
        h.restoreStep("comfort limit reached").ifPresent(restore::add);
        newlyReleased.add(h.deviceId());
        notes.add(
            h.deviceId()
                + " given back at its comfort limit ("
                + minutes(d.spec().curtailmentLimit())
                + " min)");
      } else {
        holds.add(h);
      }
    }

    double heldW = holds.stream().mapToDouble(DeviceHold::shedW).sum();
    double needW = in.requestedW() - headroomW - heldW;
    if (needW > 0) {
      Set<String> taken = new HashSet<>(in.released());
      taken.addAll(newlyReleased);
      holds.forEach(h -> taken.add(h.deviceId()));
      for (DeviceInput d : candidates(in, taken)) {
        if (needW <= 0) {
          break;
        }
        DeviceHold h = hold(d, in);
        holds.add(h);
        heldW += h.shedW();
        needW -= h.shedW();
        notes.add(
            "holding "
                + d.spec().id()
                + " ("
                + lower(d.spec().flexibility())
                + ", "
                + kw(h.shedW())
                + " kW)");
      }
    }

    double wantW =
        Double.isFinite(in.targetImportW()) && Double.isFinite(in.netLoadW())
            ? in.netLoadW() - in.targetImportW()
            : in.requestedW() - heldW;
    wantW = Math.max(0, Math.min(stepTotalW, wantW));
    List<DrBatteryStep> batteries = new ArrayList<>();
    String batteryReason =
        Double.isFinite(in.targetImportW()) && Double.isFinite(in.netLoadW())
            ? String.format(
                Locale.ROOT,
                "DR: hold grid import at %.0f W (net load %.0f W)",
                in.targetImportW(),
                in.netLoadW())
            : "DR: no baseline yet, cover requested − held load";
    for (int i = 0; i < fleet.size(); i++) {
      double share = stepTotalW <= 0 ? 0 : wantW * stepMaxW[i] / stepTotalW;
      batteries.add(new DrBatteryStep(fleet.get(i).spec().id(), share, batteryReason));
    }

    List<DrDeviceStep> curtail = new ArrayList<>();
    List<String> controlled = new ArrayList<>();
    fleet.forEach(b -> controlled.add(b.spec().id()));
    for (DeviceHold h : holds) {
      curtail.add(h.curtailStep("DR: " + lower(h.kind()) + " load held"));
      controlled.add(h.deviceId());
    }
    double shortfallW = Math.max(0, in.requestedW() - headroomW - heldW);
    if (shortfallW > 0) {
      notes.add("short by " + kw(shortfallW) + " kW: no more flexible load");
    }
    return new DrDispatch(
        batteries,
        curtail,
        restore,
        holds,
        newlyReleased,
        headroomW,
        heldW,
        shortfallW,
        controlled,
        String.join("; ", notes));
  }

  /** The steps giving back every held device at the end of the event or on cancellation. */
  public static List<DrDeviceStep> restoreAll(List<DeviceHold> holds, String reason) {
    List<DrDeviceStep> out = new ArrayList<>();
    for (DeviceHold h : holds) {
      h.restoreStep(reason).ifPresent(out::add);
    }
    return out;
  }

  /** A battery's discharge limit over the next step, above its reserve [W]. */
  static double stepLimitW(BatteryInput b, Duration step) {
    BatterySpec s = b.spec();
    return Math.max(
        0, BatteryPhysics.limits(s, b.socPercent(), 100.0, step, s.reservePercent()).maxW());
  }

  /** What a battery can hold above its reserve for the rest of the event [W]. */
  static double sustainableW(BatteryInput b, Duration step, Duration remaining) {
    BatterySpec s = b.spec();
    Duration over = remaining.compareTo(step) < 0 ? step : remaining;
    double hours = over.toMillis() / 3_600_000.0;
    double aboveReserveKwh =
        Math.max(0, (b.socPercent() - s.reservePercent()) / 100.0) * s.capacityKwh();
    double energyW = aboveReserveKwh * s.dischargeEfficiency() / hours * 1000.0;
    return Math.min(stepLimitW(b, step), energyW);
  }

  private static List<DeviceInput> candidates(DrDispatchInputs in, Set<String> taken) {
    return in.devices().stream()
        .filter(d -> eligible(d.spec()))
        .filter(d -> d.on() && Double.isFinite(d.meteredW()) && d.meteredW() >= MIN_DEVICE_W)
        .filter(d -> !taken.contains(d.spec().id()) && !in.excluded().contains(d.spec().id()))
        .sorted(DEVICE_ORDER)
        .toList();
  }

  /** Whether DR may act on the device at all. */
  public static boolean eligible(DeviceSpec s) {
    return s.drEnabled()
        && s.controllable()
        && s.flexibility() != FlexibilityKind.NONE
        && (s.can(ControlCapability.ON_OFF) || s.can(ControlCapability.SETPOINT));
  }

  private static DeviceHold hold(DeviceInput d, DrDispatchInputs in) {
    DeviceSpec s = d.spec();
    if (s.can(ControlCapability.ON_OFF)) {
      return new DeviceHold(
          s.id(),
          s.flexibility(),
          in.at(),
          d.meteredW(),
          DeviceAction.OFF,
          null,
          DeviceAction.ON,
          null);
    }
    Double previous = in.lastSetpoints().get(s.id());
    return new DeviceHold(
        s.id(),
        s.flexibility(),
        in.at(),
        d.meteredW(),
        DeviceAction.SETPOINT,
        s.minSetpoint(),
        previous == null ? null : DeviceAction.SETPOINT,
        previous);
  }

  private static int classRank(FlexibilityKind k) {
    return switch (k) {
      case CURTAILABLE -> 0;
      case SHIFTABLE -> 1;
      case NONE -> 2;
    };
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static String kw(double w) {
    return String.format(Locale.ROOT, "%.2f", w / 1000.0);
  }

  private static long minutes(Duration d) {
    return d.toMinutes();
  }
}
