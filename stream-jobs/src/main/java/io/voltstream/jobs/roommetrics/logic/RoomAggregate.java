package io.voltstream.jobs.roommetrics.logic;

import io.voltstream.model.RoomMetrics;
import java.time.Instant;

/**
 * The aggregate values of one room over one window, before the window bounds are known. Sums in
 * kWh, power average and maximum in W; null where no reading in the window carried the metric.
 */
public record RoomAggregate(
    String building,
    Double energyKwh,
    Double powerAvgW,
    Double powerMaxW,
    Double co2AvgPpm,
    Double temperatureAvgC,
    Double humidityAvgPercent,
    Double generationKwh,
    long sampleCount) {

  /** The published record for {@code room} over {@code [windowStart, windowEnd)}. */
  public RoomMetrics toMetrics(String room, Instant windowStart, Instant windowEnd) {
    return new RoomMetrics(
        room,
        building != null ? building : RoomAssignment.DEFAULT_BUILDING,
        windowStart,
        windowEnd,
        energyKwh,
        powerAvgW,
        powerMaxW,
        co2AvgPpm,
        temperatureAvgC,
        humidityAvgPercent,
        generationKwh,
        sampleCount);
  }
}
