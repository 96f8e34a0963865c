package io.voltstream.jobs.io;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The watermark strategy of the jobs' event-time inputs (readings, battery reports): event time
 * taken from the record, bounded out-of-orderness, idle partitions ignored after {@code idleness}.
 *
 * <pre>{@code
 * env.fromSource(source, EventTimeWatermarks.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
 *     SensorReading::timestamp), "readings");
 * }</pre>
 */
public final class EventTimeWatermarks {
  private EventTimeWatermarks() {}

  /** A serializable event-time extractor. */
  @FunctionalInterface
  public interface EventTime<T> extends Serializable {
    Instant at(T t);
  }

  public static <T> WatermarkStrategy<T> of(
      Duration maxOutOfOrderness, Duration idleness, EventTime<T> timestamp) {
    return WatermarkStrategy.<T>forBoundedOutOfOrderness(maxOutOfOrderness)
        .withTimestampAssigner(
            (SerializableTimestampAssigner<T>) (t, previous) -> timestamp.at(t).toEpochMilli())
        .withIdleness(idleness);
  }
}
