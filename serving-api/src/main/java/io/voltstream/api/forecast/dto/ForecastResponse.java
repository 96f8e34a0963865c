package io.voltstream.api.forecast.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/forecast/{consumption|generation}}: the next hours' forecast of one building
 * (or, with {@code room}, of one room with its own meters), the model that made it (or {@code
 * persistence_ensemble} with {@code fallback} true and the reason), the production guard's score of
 * the model ({@code guard}, absent without a usable model), and the recent accuracy: {@code
 * accuracy} is the day-ahead band (null until enough forecasts could be scored), {@code
 * accuracy_by_lead} every band. Accuracy is building-wide only.
 */
public record ForecastResponse(
    String building,
    @JsonInclude(JsonInclude.Include.NON_NULL) String room,
    String target,
    String unit,
    Instant issuedAt,
    String modelId,
    boolean fallback,
    String fallbackReason,
    @JsonInclude(JsonInclude.Include.NON_NULL) ForecastGuard guard,
    int horizonHours,
    String resolution,
    List<ForecastPoint> values,
    ForecastAccuracy accuracy,
    List<ForecastAccuracy> accuracyByLead) {}
