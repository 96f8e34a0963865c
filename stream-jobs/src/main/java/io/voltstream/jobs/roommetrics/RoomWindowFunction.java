package io.voltstream.jobs.roommetrics;

import io.voltstream.jobs.roommetrics.logic.RoomAggregate;
import io.voltstream.model.RoomMetrics;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Adds the room key and the window bounds to the pre-aggregated window result. */
public class RoomWindowFunction
    extends ProcessWindowFunction<RoomAggregate, RoomMetrics, String, TimeWindow> {

  @Override
  public void process(
      String room, Context ctx, Iterable<RoomAggregate> aggregates, Collector<RoomMetrics> out) {
    TimeWindow w = ctx.window();
    for (RoomAggregate a : aggregates) {
      out.collect(
          a.toMetrics(room, Instant.ofEpochMilli(w.getStart()), Instant.ofEpochMilli(w.getEnd())));
    }
  }
}
