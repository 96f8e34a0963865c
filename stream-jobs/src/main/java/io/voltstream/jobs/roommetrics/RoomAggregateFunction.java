package io.voltstream.jobs.roommetrics;

import io.voltstream.jobs.roommetrics.logic.RoomAccumulator;
import io.voltstream.jobs.roommetrics.logic.RoomAggregate;
import io.voltstream.jobs.roommetrics.logic.RoomReading;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Incremental per-window aggregation of a room's readings; all arithmetic is in {@link
 * RoomAccumulator}.
 */
public class RoomAggregateFunction
    implements AggregateFunction<RoomReading, RoomAccumulator, RoomAggregate> {

  @Override
  public RoomAccumulator createAccumulator() {
    return RoomAccumulator.empty();
  }

  @Override
  public RoomAccumulator add(RoomReading value, RoomAccumulator acc) {
    return acc.add(value.reading(), value.building());
  }

  @Override
  public RoomAggregate getResult(RoomAccumulator acc) {
    return acc.result();
  }

  @Override
  public RoomAccumulator merge(RoomAccumulator a, RoomAccumulator b) {
    return a.merge(b);
  }
}
