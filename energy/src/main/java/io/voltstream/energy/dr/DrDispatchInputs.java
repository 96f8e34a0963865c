package io.voltstream.energy.dr;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.DeviceSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything {@link DrDispatchPlanner#plan} needs at one evaluation of a running DR event.
 *
 * @param at event time of the evaluation
 * @param step time until the next evaluation (the battery's power limits hold over it)
 * @param remaining time left in the event (battery energy above the reserve is spread over it)
 * @param requestedW the committed reduction [W], &gt; 0
 * @param targetImportW the grid import to hold = baseline − requested [W]; NaN while no baseline is
 *     known
 * @param netLoadW the building's grid import without its batteries (consumption − generation) [W];
 *     NaN when unknown
 * @param batteries the building's batteries with their latest state
 * @param devices the building's devices with their latest observation
 * @param holds devices held so far, in dispatch order
 * @param released devices already given back at their comfort limit (not held again in this event)
 * @param excluded targets (battery or device ids) that rejected or timed out a command
 * @param lastSetpoints the latest setpoint applied to a device outside DR, by device id (what a
 *     setpoint-curtailed device is restored to)
 */
public record DrDispatchInputs(
    Instant at,
    Duration step,
    Duration remaining,
    double requestedW,
    double targetImportW,
    double netLoadW,
    List<BatteryInput> batteries,
    List<DeviceInput> devices,
    List<DeviceHold> holds,
    Set<String> released,
    Set<String> excluded,
    Map<String, Double> lastSetpoints) {

  public DrDispatchInputs {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(remaining, "remaining");
    batteries = List.copyOf(batteries);
    devices = List.copyOf(devices);
    holds = List.copyOf(holds);
    released = Set.copyOf(released);
    excluded = Set.copyOf(excluded);
    lastSetpoints = Map.copyOf(lastSetpoints);
  }

  /**
   * A battery and its latest state.
   *
   * @param socPercent state of charge
   */
  public record BatteryInput(BatterySpec spec, double socPercent) {}

  /**
   * A device and what was last observed of it.
   *
   * @param meteredW its metered power [W]; NaN when unknown
   * @param on whether it reports being on
   */
  public record DeviceInput(DeviceSpec spec, double meteredW, boolean on) {}
}
