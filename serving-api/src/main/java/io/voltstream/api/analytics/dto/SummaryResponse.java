package io.voltstream.api.analytics.dto;

import java.time.Instant;

/**
 * The system overview of {@code GET /api/v1/analytics/summary}. {@code activeSensors} reported a
 * reading in the five minutes before {@code generatedAt}; {@code totalPowerW} sums each room's mean
 * power of its latest one-minute window (windows older than 10 minutes are ignored); the energy and
 * generation totals cover the last hour of windows. {@code systemOverview} repeats the counts in
 * the per-service shape the original dashboard clients expect and adds batteries and demand
 * response.
 */
public record SummaryResponse(
    int totalSensors,
    int activeSensors,
    int totalRooms,
    int totalBuildings,
    int websocketConnections,
    Double totalPowerW,
    Double energyLastHourKwh,
    Double generationLastHourKwh,
    Instant latestWindowStart,
    Instant generatedAt,
    SystemOverview systemOverview) {}
