package io.voltstream.api.forecast.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The latest live accuracy of a building's forecasts (InfluxDB {@code forecast_accuracy}): NRMSE in
 * percent and skill against the persistence ensemble over the trailing window; null when undefined.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForecastAccuracy(
    Instant at,
    Double nrmsePercent,
    Double skill,
    Double maeKwh,
    Integer hours,
    Integer windowHours) {}
