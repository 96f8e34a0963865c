package io.voltstream.jobs.dispatch.logic;

import io.voltstream.model.command.Command;
import java.time.Instant;

/**
 * One battery's dispatch decision, in the device convention (+ charging): what {@code
 * battery_dispatch} records, and the command issued for it (null when dispatch issued none, e.g.
 * while a manual command overrides it).
 *
 * @param setpointW decided AC power [W], + charging
 * @param netLoadW building consumption − generation the decision saw [W]
 * @param minW lowest power the stack allowed for this battery [W], + charging
 * @param maxW highest power the stack allowed for this battery [W], + charging
 * @param planW the plan's power for this battery in this slot [W], + charging; null without a plan
 */
public record BatteryDecision(
    String building,
    String batteryId,
    Instant at,
    double setpointW,
    double netLoadW,
    double socPercent,
    double minW,
    double maxW,
    Double planW,
    String strategy,
    String reason,
    Command command) {

  public String commandId() {
    return command == null ? null : command.commandId();
  }
}
