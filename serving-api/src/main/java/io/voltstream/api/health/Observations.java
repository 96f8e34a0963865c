package io.voltstream.api.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the probes saw, before any judgement: plain values, so the evaluation ({@link
 * HealthEvaluator}) needs neither Kafka, Flink nor InfluxDB to be tested.
 */
public final class Observations {
  private Observations() {}

  /**
   * Kafka as the admin client saw it.
   *
   * @param error why it could not be read; empty when it answered
   * @param groups lag of each job consumer group (prefix {@code VOLTSTREAM_CONSUMER_GROUP_PREFIX})
   * @param deadLetters sum of the dead-letter topic's end offsets (dead letters ever written)
   */
  public record Kafka(
      Optional<String> error, int brokers, List<GroupLag> groups, long deadLetters) {
    public static Kafka unreachable(String error) {
      return new Kafka(Optional.of(error), 0, List.of(), 0);
    }
  }

  /**
   * Lag of one consumer group: end offset minus committed offset, per partition (Flink commits on
   * checkpoints, so up to one checkpoint interval of records is normal).
   *
   * @param totalLag summed over the group's partitions [records]
   * @param maxPartitionLag the largest single partition's [records]
   * @param maxLagPartition that partition, {@code topic-n}
   */
  public record GroupLag(
      String group, long totalLag, long maxPartitionLag, String maxLagPartition) {}

  /** The Flink cluster as its REST API answered; {@code error} empty when it did. */
  public record Flink(Optional<String> error, List<Job> jobs) {
    public static Flink unreachable(String error) {
      return new Flink(Optional.of(error), List.of());
    }
  }

  /**
   * The newest run of one job name.
   *
   * @param state Flink's job state, e.g. {@code RUNNING}
   * @param startedAt when this run started
   * @param lastCheckpoint when its last completed checkpoint was acknowledged; empty for none
   * @param watermark the smallest event-time watermark among its operators' inputs; empty when no
   *     operator has one (no event time, or no data yet)
   */
  public record Job(
      String name,
      String state,
      Instant startedAt,
      Optional<Instant> lastCheckpoint,
      Optional<Instant> watermark) {}

  /**
   * InfluxDB: whether it answered and the newest point of each watched measurement.
   *
   * @param lastReadings time of the newest {@code readings} point within the look-back
   * @param lastRoomMetrics time of the newest {@code room_metrics} point within the look-back
   * @param lastForecastIssuedAt the largest {@code forecasts.issued_at} within the look-back
   */
  public record Influx(
      Optional<String> error,
      Optional<Instant> lastReadings,
      Optional<Instant> lastRoomMetrics,
      Optional<Instant> lastForecastIssuedAt) {
    public static Influx unreachable(String error) {
      return new Influx(Optional.of(error), Optional.empty(), Optional.empty(), Optional.empty());
    }
  }
}
