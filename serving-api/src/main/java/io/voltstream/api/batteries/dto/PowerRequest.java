package io.voltstream.api.batteries.dto;

/**
 * Body of {@code POST /api/v1/batteries/{id}/charge|discharge}.
 *
 * @param powerW AC power magnitude [W], &gt; 0 and at most the battery's limit for the direction
 * @param durationS how long the command stays valid [s], 1..86400
 */
public record PowerRequest(Double powerW, Long durationS) {}
