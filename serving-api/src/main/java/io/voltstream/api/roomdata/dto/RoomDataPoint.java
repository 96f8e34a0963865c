package io.voltstream.api.roomdata.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One bucket of a room's time series ({@code time} = bucket start). Energy and generation are sums
 * over the bucket [kWh]; power is the mean [W] and {@code powerMaxW} the maximum [W]; CO2 [ppm],
 * temperature [°C] and humidity [%] are means. {@code flexibilityKw} is the mean of the room's
 * downward flexibility now ({@code down_now_kw} of InfluxDB {@code flexibility}) [kW]. Metrics no
 * sensor (or job) reported are omitted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomDataPoint(
    Instant time,
    Double energyKwh,
    Double powerW,
    Double powerMaxW,
    Double co2Ppm,
    Double temperatureC,
    Double humidityPercent,
    Double generationKwh,
    Long sampleCount,
    Double flexibilityKw) {

  /** The same bucket with its flexibility. */
  public RoomDataPoint withFlexibilityKw(Double kw) {
    return new RoomDataPoint(
        time,
        energyKwh,
        powerW,
        powerMaxW,
        co2Ppm,
        temperatureC,
        humidityPercent,
        generationKwh,
        sampleCount,
        kw);
  }

  /** A bucket with only flexibility (no room metrics in it). */
  public static RoomDataPoint flexibilityOnly(Instant time, Double kw) {
    return new RoomDataPoint(time, null, null, null, null, null, null, null, null, kw);
  }
}
