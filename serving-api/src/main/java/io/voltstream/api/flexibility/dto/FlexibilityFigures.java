package io.voltstream.api.flexibility.dto;

import java.time.Instant;

/**
 * One device's, room's or building's latest point of InfluxDB {@code flexibility} (consumption
 * perspective: down = grid import can be reduced by, up = raised by; kW, ≥ 0).
 *
 * @param at time of the flexibility job's evaluation
 * @param powerW device: metered power; room/building: power of their DR-enabled devices (null when
 *     unknown)
 * @param state device only: on, off or unknown
 */
public record FlexibilityFigures(
    Instant at,
    double upNowKw,
    double downNowKw,
    double upHourKw,
    double downHourKw,
    Double powerW,
    String state) {}
