package io.voltstream.jobs.roommetrics;

import io.voltstream.jobs.io.JobsConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the room-aggregation job. Read from the shared {@link JobsConfig} variables: {@code
 * VOLTSTREAM_WINDOW} (default {@code 1m}), {@code VOLTSTREAM_MAX_OUT_OF_ORDERNESS} ({@code 10s}),
 * {@code VOLTSTREAM_SOURCE_IDLENESS} ({@code 30s}), {@code VOLTSTREAM_ALLOWED_LATENESS} ({@code
 * 0s}), {@code VOLTSTREAM_MAX_EVENT_TIME_AHEAD} ({@code 2m}).
 *
 * @param window tumbling event-time window per room
 * @param maxOutOfOrderness how far behind the newest reading a reading may be and still count
 * @param idleness a Kafka partition without data for this long no longer holds the watermark back
 * @param allowedLateness how long a fired window still accepts (and re-emits for) late readings
 * @param maxEventTimeAhead readings stamped further ahead of the job's clock do not advance the
 *     watermark
 */
public record RoomAggregationJobConfig(
    Duration window,
    Duration maxOutOfOrderness,
    Duration idleness,
    Duration allowedLateness,
    Duration maxEventTimeAhead)
    implements Serializable {

  /** The job's name, also its consumer group suffix and operator-uid prefix. */
  public static final String JOB_NAME = "room-aggregation";

  public RoomAggregationJobConfig {
    positive(JobsConfig.WINDOW, window);
    nonNegative(JobsConfig.MAX_OUT_OF_ORDERNESS, maxOutOfOrderness);
    positive(JobsConfig.SOURCE_IDLENESS, idleness);
    nonNegative(JobsConfig.ALLOWED_LATENESS, allowedLateness);
    nonNegative(JobsConfig.MAX_EVENT_TIME_AHEAD, maxEventTimeAhead);
  }

  public static RoomAggregationJobConfig from(JobsConfig cfg) {
    return new RoomAggregationJobConfig(
        cfg.window(),
        cfg.maxOutOfOrderness(),
        cfg.sourceIdleness(),
        cfg.allowedLateness(),
        cfg.maxEventTimeAhead());
  }

  public static RoomAggregationJobConfig fromEnv(Map<String, String> env) {
    return from(JobsConfig.fromEnv(env));
  }

  private static void positive(String key, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration, was " + d);
    }
  }

  private static void nonNegative(String key, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(key + " must not be negative, was " + d);
    }
  }
}
