package io.voltstream.energy.dr;

import java.util.List;

/**
 * The outcome of one evaluation of a running DR event: the battery setpoints, the instructions to
 * the held devices, the devices given back, and the holds to carry on.
 *
 * @param batteries closed-loop setpoints (+ discharging) of the batteries taking part
 * @param curtail the instructions holding every held device (issued again at every evaluation, so a
 *     short validity keeps them fresh)
 * @param restore devices given back now (comfort limit reached, or they left the registry)
 * @param holds the holds after this evaluation, in dispatch order
 * @param newlyReleased device ids released now (to remember for the rest of the event)
 * @param batteryHeadroomW what the batteries can hold over the rest of the event [W]
 * @param heldW load removed by the held devices [W]
 * @param shortfallW requested − battery headroom − held load, when positive [W]
 * @param controlled batteries then devices taking part, in dispatch order
 * @param note what this evaluation changed, in words (empty when nothing did)
 */
public record DrDispatch(
    List<DrBatteryStep> batteries,
    List<DrDeviceStep> curtail,
    List<DrDeviceStep> restore,
    List<DeviceHold> holds,
    List<String> newlyReleased,
    double batteryHeadroomW,
    double heldW,
    double shortfallW,
    List<String> controlled,
    String note) {

  public DrDispatch {
    batteries = List.copyOf(batteries);
    curtail = List.copyOf(curtail);
    restore = List.copyOf(restore);
    holds = List.copyOf(holds);
    newlyReleased = List.copyOf(newlyReleased);
    controlled = List.copyOf(controlled);
  }
}
