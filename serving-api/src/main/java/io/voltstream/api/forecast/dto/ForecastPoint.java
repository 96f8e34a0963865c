package io.voltstream.api.forecast.dto;

import java.time.Instant;

/** Forecast energy (kWh) of the bucket starting at {@code time}. */
public record ForecastPoint(Instant time, double valueKwh) {}
