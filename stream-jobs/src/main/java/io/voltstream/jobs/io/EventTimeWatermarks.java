package io.voltstream.jobs.io;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.eventtime.WatermarksWithIdleness;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.clock.SystemClock;

/**
 * The watermark strategy of every event-time input of the jobs (readings, battery reports, market
 * orders): event time taken from the record, bounded out-of-orderness, idle partitions ignored
 * after {@code idleness}, and event times more than {@code maxAhead} ahead of the wall clock kept
 * out of the watermark ({@link PlausibleTimeWatermarks}), so one device whose clock runs ahead
 * cannot make every other sensor of its Kafka partition late. Such events are counted in the
 * source's metric {@value #AHEAD_OF_CLOCK_METRIC}. The source's gauge {@value
 * #WATERMARK_LAG_METRIC} says how far its watermark trails the wall clock ({@link WatermarkLag}):
 * the event-time lag of the job that reads it.
 *
 * <pre>{@code
 * env.fromSource(source, EventTimeWatermarks.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
 *     Duration.ofMinutes(2), SensorReading::timestamp), "readings");
 * }</pre>
 *
 * <p>Order of the wrappers: plausibility → idleness → bounded out-of-orderness. With Flink's {@code
 * withIdleness} outside, an ahead event would still count as partition activity.
 */
public final class EventTimeWatermarks {

  /** Source metric: events stamped too far ahead of the wall clock to advance the watermark. */
  public static final String AHEAD_OF_CLOCK_METRIC = "eventsAheadOfClock";

  /**
   * Source gauge: wall clock minus the subtask's watermark [ms] (NaN before the first watermark).
   */
  public static final String WATERMARK_LAG_METRIC = "eventTimeWatermarkLagMs";

  private EventTimeWatermarks() {}

  /** A serializable event-time extractor. */
  @FunctionalInterface
  public interface EventTime<T> extends Serializable {
    Instant at(T t);
  }

  public static <T> WatermarkStrategy<T> of(
      Duration maxOutOfOrderness, Duration idleness, Duration maxAhead, EventTime<T> timestamp) {
    EventTimeLimit limit = new EventTimeLimit(maxAhead);
    return WatermarkStrategy.<T>forGenerator(new Generators<>(maxOutOfOrderness, idleness, limit))
        .withTimestampAssigner(
            (SerializableTimestampAssigner<T>) (t, previous) -> timestamp.at(t).toEpochMilli());
  }

  /**
   * Creates one generator per Kafka partition; the partitions of a subtask share one counter and
   * one lag gauge (a metric name can be registered only once per group).
   */
  private static final class Generators<T> implements WatermarkGeneratorSupplier<T> {
    private final Duration maxOutOfOrderness;
    private final Duration idleness;
    private final EventTimeLimit limit;
    private transient MetricGroup countedIn;
    private transient Counter aheadOfClock;
    private transient WatermarkLag lag;

    Generators(Duration maxOutOfOrderness, Duration idleness, EventTimeLimit limit) {
      this.maxOutOfOrderness = maxOutOfOrderness;
      this.idleness = idleness;
      this.limit = limit;
    }

    @Override
    public synchronized WatermarkGenerator<T> createWatermarkGenerator(Context context) {
      if (countedIn != context.getMetricGroup()) {
        countedIn = context.getMetricGroup();
        aheadOfClock = countedIn.counter(AHEAD_OF_CLOCK_METRIC);
        WatermarkLag subtaskLag = new WatermarkLag();
        lag = subtaskLag;
        SystemClock clock = SystemClock.getInstance();
        countedIn.gauge(
            WATERMARK_LAG_METRIC,
            (Gauge<Double>) () -> subtaskLag.lagMs(clock.absoluteTimeMillis()));
      }
      return new LagTrackingWatermarks<>(
          new PlausibleTimeWatermarks<>(
              new WatermarksWithIdleness<>(
                  new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness),
                  idleness,
                  context.getInputActivityClock()),
              limit,
              SystemClock.getInstance(),
              aheadOfClock),
          lag.newSlot());
    }
  }
}
