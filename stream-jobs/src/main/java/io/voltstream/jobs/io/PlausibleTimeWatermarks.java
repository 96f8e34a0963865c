package io.voltstream.jobs.io;

import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.clock.Clock;

/**
 * A watermark generator that only lets plausible event times through to the generator it wraps: an
 * event stamped more than {@link EventTimeLimit#maxAhead()} after this operator's wall clock is
 * counted ({@code eventsAheadOfClock}) and withheld from {@code delegate}, so it neither advances
 * the watermark nor counts as activity for the idleness timer inside {@code delegate}. The event
 * itself still flows downstream with its own timestamp (into its future window).
 *
 * <p>Withholding it from the idleness timer too matters: a partition on which only an ahead sensor
 * still reports goes idle and stops holding back the watermark of every other partition.
 */
public final class PlausibleTimeWatermarks<T> implements WatermarkGenerator<T> {

  private final WatermarkGenerator<T> delegate;
  private final EventTimeLimit limit;
  private final Clock wallClock;
  private final Counter aheadOfClock;

  public PlausibleTimeWatermarks(
      WatermarkGenerator<T> delegate, EventTimeLimit limit, Clock wallClock, Counter aheadOfClock) {
    this.delegate = delegate;
    this.limit = limit;
    this.wallClock = wallClock;
    this.aheadOfClock = aheadOfClock;
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    Instant now = Instant.ofEpochMilli(wallClock.absoluteTimeMillis());
    if (limit.isAhead(Instant.ofEpochMilli(eventTimestamp), now)) {
      aheadOfClock.inc();
      return;
    }
    delegate.onEvent(event, eventTimestamp, output);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    delegate.onPeriodicEmit(output);
  }
}
