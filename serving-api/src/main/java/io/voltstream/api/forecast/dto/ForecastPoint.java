package io.voltstream.api.forecast.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Forecast energy (kWh) of the bucket starting at {@code time}: the point forecast (P50) and, when
 * the forecast service could estimate them, the P10 and P90. For buckets longer than an hour all
 * three are sums of the hourly values, so the band is at least as wide as the bucket's own 80 %
 * interval (exact when the hours' errors move together).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForecastPoint(Instant time, double valueKwh, Double p10Kwh, Double p90Kwh) {}
