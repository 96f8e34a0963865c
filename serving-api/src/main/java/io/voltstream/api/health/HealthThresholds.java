package io.voltstream.api.health;

import java.time.Duration;

/**
 * Where a figure stops being healthy: above any of these the component is {@code degraded}
 * (documented with their defaults in {@link HealthOptions}).
 *
 * @param maxGroupLag records a job's consumer group may be behind, summed over its partitions
 * @param maxPartitionLag records one partition of a job's consumer group may be behind
 * @param maxCheckpointAge time since a job's last completed checkpoint
 * @param maxWatermarkLag how far a job's event-time watermark may trail the wall clock
 * @param maxDeadLettersPerMinute growth of the dead-letter topic
 * @param maxWriteAge age of the newest point in {@code readings} and in {@code room_metrics}
 * @param maxForecastAge age of the newest forecast run ({@code issued_at}); zero = not checked
 */
public record HealthThresholds(
    long maxGroupLag,
    long maxPartitionLag,
    Duration maxCheckpointAge,
    Duration maxWatermarkLag,
    double maxDeadLettersPerMinute,
    Duration maxWriteAge,
    Duration maxForecastAge) {

  /** Whether forecasts are judged at all (the forecast service is optional). */
  public boolean checksForecasts() {
    return !maxForecastAge.isZero();
  }
}
