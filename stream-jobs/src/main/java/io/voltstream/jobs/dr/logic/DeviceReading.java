package io.voltstream.jobs.dr.logic;

import java.time.Instant;

/**
 * The latest observation of a device: its metered power and whether it is on (flexibility job's
 * device report, or its meter's reading).
 *
 * @param powerW metered power [W]; NaN when unknown
 * @param on whether it is on
 * @param at event time of the observation
 */
public record DeviceReading(double powerW, boolean on, Instant at) {}
