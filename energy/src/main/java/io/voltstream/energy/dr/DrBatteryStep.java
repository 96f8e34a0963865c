package io.voltstream.energy.dr;

/**
 * One battery setpoint of a DR execution, in this module's convention (<b>+ discharging</b>).
 *
 * @param batteryId the battery
 * @param setpointW AC power [W], + discharging; never negative (DR never charges)
 * @param reason why, in words
 */
public record DrBatteryStep(String batteryId, double setpointW, String reason) {}
