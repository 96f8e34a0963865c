package io.voltstream.jobs.alerts;

import io.voltstream.jobs.alerts.logic.LateBurstRule;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts late readings per key "room|arrival minute" ({@link #key}). The first reading of a key
 * sets a processing-time timer {@code grace} later; then the count is judged by {@link
 * LateBurstRule} and the key's state is cleared. Processing time, because late data is by
 * definition behind the event-time watermark; the bucket itself comes from the data, so a replay
 * gives the same event ids.
 */
public class LateBurstFunction extends KeyedProcessFunction<String, SensorReading, SystemEvent> {

  private final long threshold;
  private final Duration grace;
  private transient ValueState<Long> count;

  public LateBurstFunction(long threshold, Duration grace) {
    this.threshold = threshold;
    this.grace = grace;
  }

  /** The key of a late reading: its room and the start of its arrival minute (epoch ms). */
  public static String key(SensorReading r) {
    return LateBurstRule.room(r) + "|" + LateBurstRule.bucket(r).toEpochMilli();
  }

  @Override
  public void open(OpenContext openContext) {
    count = getRuntimeContext().getState(new ValueStateDescriptor<>("late-count", Types.LONG));
  }

  @Override
  public void processElement(SensorReading r, Context ctx, Collector<SystemEvent> out)
      throws Exception {
    Long n = count.value();
    if (n == null) {
      n = 0L;
      ctx.timerService()
          .registerProcessingTimeTimer(
              ctx.timerService().currentProcessingTime() + grace.toMillis());
    }
    count.update(n + 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SystemEvent> out)
      throws Exception {
    String key = ctx.getCurrentKey();
    int bar = key.lastIndexOf('|');
    String room = key.substring(0, bar);
    Instant bucket = Instant.ofEpochMilli(Long.parseLong(key.substring(bar + 1)));
    Long n = count.value();
    LateBurstRule.evaluate(room, bucket, n == null ? 0 : n, threshold).ifPresent(out::collect);
    count.clear();
  }
}
