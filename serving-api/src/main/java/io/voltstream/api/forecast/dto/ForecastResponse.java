package io.voltstream.api.forecast.dto;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/forecast/{consumption|generation}}: the next hours' forecast of one building,
 * the model that made it (or {@code persistence_ensemble} with {@code fallback} true and the
 * reason) and the recent accuracy (null until enough forecasts could be scored).
 */
public record ForecastResponse(
    String building,
    String target,
    String unit,
    Instant issuedAt,
    String modelId,
    boolean fallback,
    String fallbackReason,
    int horizonHours,
    String resolution,
    List<ForecastPoint> values,
    ForecastAccuracy accuracy) {}
