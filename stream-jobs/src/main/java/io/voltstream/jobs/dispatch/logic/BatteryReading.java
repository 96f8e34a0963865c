package io.voltstream.jobs.dispatch.logic;

import java.time.Instant;

/**
 * The latest telemetry of one battery that dispatch needs.
 *
 * @param socPercent state of charge
 * @param chargingPowerW AC power in the device convention (+ charging, − discharging)
 * @param at event time of the report
 */
public record BatteryReading(double socPercent, double chargingPowerW, Instant at) {}
