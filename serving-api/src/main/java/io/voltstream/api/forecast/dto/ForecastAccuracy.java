package io.voltstream.api.forecast.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The latest live accuracy of a building's forecasts of one lead band (InfluxDB {@code
 * forecast_accuracy}): NRMSE in percent and skill against the persistence ensemble issued at the
 * same lead, over the trailing window; null when undefined. {@code lead_band} is {@code 0-6h}
 * (leads 0..5 h), {@code 6-24h} (6..22 h) or {@code day_ahead} (23 h: the hour ends 24 h after the
 * forecast was made); absent on rows written before the bands existed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForecastAccuracy(
    String leadBand,
    Instant at,
    Double nrmsePercent,
    Double skill,
    Double maeKwh,
    Integer hours,
    Integer windowHours) {}
