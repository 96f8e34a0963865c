package io.voltstream.api.roomdata.dto;

import java.time.Instant;

/**
 * The room's latest one-minute window in the requested range ({@code time} = window start), or all
 * null when there is none. {@code flexibilityKw} is the room's latest downward flexibility now
 * ({@code down_now_kw} of InfluxDB {@code flexibility}, written by the flexibility job every 10 s)
 * in the range, null only when there is none; {@code cost} is the window's {@code cost_eur}: its
 * net energy (energy − generation) at the building tariff — import price for a net consumption,
 * feed-in price (negative: revenue) for a net export — null when the window carried no energy.
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

  /** The same values with {@code kw} as the flexibility. */
  public CurrentValues withFlexibilityKw(Double kw) {
    return new CurrentValues(
        time, energyKwh, powerW, co2Ppm, temperatureC, humidityPercent, generationKwh, kw, cost);
  }
}
