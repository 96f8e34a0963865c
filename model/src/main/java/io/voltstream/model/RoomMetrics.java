package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Aggregate of one room over one event-time window: the value of Kafka {@code room-metrics} and the
 * InfluxDB measurement {@code room_metrics} (timestamped at {@code windowStart}).
 *
 * <p>Sums ({@code energyKwh}, {@code generationKwh}) are over every reading in the window; averages
 * and the maximum are over the readings that carried that metric, and are null when none did.
 * {@code costEur} is the window's net energy ({@code energyKwh − generationKwh}) at the building
 * tariff's prices — import price when positive, feed-in price when negative (energy's {@code
 * GridPrices.costEur}, the rule of the settlement job's room rows) — null when the window carried
 * neither energy nor generation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomMetrics(
    String room,
    String building,
    Instant windowStart,
    Instant windowEnd,
    Double energyKwh,
    Double powerAvgW,
    Double powerMaxW,
    Double co2AvgPpm,
    Double temperatureAvgC,
    Double humidityAvgPercent,
    Double generationKwh,
    long sampleCount,
    Double costEur) {

  /** A window whose cost is not priced yet. */
  public RoomMetrics(
      String room,
      String building,
      Instant windowStart,
      Instant windowEnd,
      Double energyKwh,
      Double powerAvgW,
      Double powerMaxW,
      Double co2AvgPpm,
      Double temperatureAvgC,
      Double humidityAvgPercent,
      Double generationKwh,
      long sampleCount) {
    this(
        room,
        building,
        windowStart,
        windowEnd,
        energyKwh,
        powerAvgW,
        powerMaxW,
        co2AvgPpm,
        temperatureAvgC,
        humidityAvgPercent,
        generationKwh,
        sampleCount,
        null);
  }

  /** The same window with {@code cost} as its cost [€]. */
  public RoomMetrics withCostEur(Double cost) {
    return new RoomMetrics(
        room,
        building,
        windowStart,
        windowEnd,
        energyKwh,
        powerAvgW,
        powerMaxW,
        co2AvgPpm,
        temperatureAvgC,
        humidityAvgPercent,
        generationKwh,
        sampleCount,
        cost);
  }
}
