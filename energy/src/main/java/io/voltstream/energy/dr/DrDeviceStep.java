package io.voltstream.energy.dr;

/**
 * One instruction of a DR execution to a device.
 *
 * @param deviceId the device
 * @param action on, off or setpoint
 * @param value the setpoint, for {@code SETPOINT}
 * @param reason why, in words
 */
public record DrDeviceStep(String deviceId, DeviceAction action, Double value, String reason) {}
