package io.voltstream.energy.dr;

import io.voltstream.energy.device.FlexibilityKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A device the DR execution holds curtailed (or deferred): what it was told, since when, how much
 * load that removed, and how to give it back.
 *
 * @param deviceId the device
 * @param kind curtailable or shiftable (the class it was dispatched in)
 * @param since when the hold began (its comfort limit counts from here)
 * @param shedW its metered power when it was held [W]: the reduction counted for it
 * @param curtail what it is told while held ({@code OFF}, or {@code SETPOINT} to {@code
 *     curtailValue})
 * @param curtailValue the setpoint while held, for {@code SETPOINT}
 * @param restore what gives it back ({@code ON}; {@code SETPOINT} to {@code restoreValue}; null
 *     when nothing is known to restore: the device returns by itself when its last instruction's
 *     duration lapses)
 * @param restoreValue the setpoint to restore, for {@code SETPOINT}
 */
public record DeviceHold(
    String deviceId,
    FlexibilityKind kind,
    Instant since,
    double shedW,
    DeviceAction curtail,
    Double curtailValue,
    DeviceAction restore,
    Double restoreValue) {

  public DeviceHold {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(curtail, "curtail");
  }

  /** The instruction that holds the device. */
  public DrDeviceStep curtailStep(String reason) {
    return new DrDeviceStep(deviceId, curtail, curtailValue, reason);
  }

  /** The instruction that gives the device back; empty when it returns by itself. */
  public java.util.Optional<DrDeviceStep> restoreStep(String reason) {
    return restore == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(new DrDeviceStep(deviceId, restore, restoreValue, reason));
  }
}
