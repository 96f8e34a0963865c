package io.voltstream.api.roomdata.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One bucket of a room's time series ({@code time} = bucket start). Energy and generation are sums
 * over the bucket [kWh]; power is the mean [W] and {@code powerMaxW} the maximum [W]; CO2 [ppm],
 * temperature [°C] and humidity [%] are means. Metrics no sensor reported are omitted.
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
    Long sampleCount) {}
