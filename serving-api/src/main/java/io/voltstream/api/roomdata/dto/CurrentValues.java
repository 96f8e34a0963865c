package io.voltstream.api.roomdata.dto;

import java.time.Instant;

/**
 * The room's latest one-minute window in the requested range ({@code time} = window start), or all
 * null when there is none. {@code flexibilityKw} is null until a demand-response job publishes
 * flexibility per room; {@code cost} is {@code energyKwh × price} when a price is configured
 * ({@code VOLTSTREAM_API_PRICE_PER_KWH}), else null.
 */
public record CurrentValues(
    Instant time,
    Double energyKwh,
    Double powerW,
    Double co2Ppm,
    Double temperatureC,
    Double humidityPercent,
    Double generationKwh,
    Double flexibilityKw,
    Double cost) {

  public static final CurrentValues NONE =
      new CurrentValues(null, null, null, null, null, null, null, null, null);
}
