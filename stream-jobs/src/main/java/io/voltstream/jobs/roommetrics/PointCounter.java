package io.voltstream.jobs.roommetrics;

import io.voltstream.model.RoomMetrics;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Counts the room metrics the replay hands to its InfluxDB sink (accumulator {@value #POINTS}). */
final class PointCounter extends RichMapFunction<RoomMetrics, RoomMetrics> {
  static final String POINTS = "replayedRoomMetricsPoints";

  private transient LongCounter points;

  @Override
  public void open(OpenContext openContext) {
    points = getRuntimeContext().getLongCounter(POINTS);
  }

  @Override
  public RoomMetrics map(RoomMetrics m) {
    points.add(1);
    return m;
  }
}
