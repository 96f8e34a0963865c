package io.voltstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Aggregate of one room over one event-time window: the value of Kafka {@code room-metrics} and the
 * InfluxDB measurement {@code room_metrics} (timestamped at {@code windowStart}).
 *
 * <p>Sums ({@code energyKwh}, {@code generationKwh}) are over every reading in the window; averages
 * and the maximum are over the readings that carried that metric, and are null when none did.
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
    long sampleCount) {}
