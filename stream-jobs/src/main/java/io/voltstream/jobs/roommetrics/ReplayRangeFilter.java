package io.voltstream.jobs.roommetrics;

import io.voltstream.jobs.roommetrics.logic.ReplayRange;
import io.voltstream.model.SensorReading;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;

/**
 * Keeps the readings whose event time is in the replay's {@link ReplayRange} and counts them in the
 * accumulator {@value #READINGS}, which the replay prints when the bounded job is done.
 */
final class ReplayRangeFilter extends RichFilterFunction<SensorReading> {
  static final String READINGS = "replayedReadings";

  private final ReplayRange range;
  private transient LongCounter kept;

  ReplayRangeFilter(ReplayRange range) {
    this.range = range;
  }

  @Override
  public void open(OpenContext openContext) {
    kept = getRuntimeContext().getLongCounter(READINGS);
  }

  @Override
  public boolean filter(SensorReading reading) {
    if (range.contains(reading.timestamp())) {
      kept.add(1);
      return true;
    }
    return false;
  }
}
