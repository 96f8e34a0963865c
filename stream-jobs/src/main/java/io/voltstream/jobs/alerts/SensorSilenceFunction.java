package io.voltstream.jobs.alerts;

import io.voltstream.jobs.alerts.logic.SilenceRule;
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
 * Per sensor, one event-time timer at "latest reading + silence". A newer reading moves the timer;
 * when it fires the sensor is reported silent and its state is cleared, so a sensor that never
 * comes back costs nothing. Event time means a sensor is judged against the other sensors'
 * progress: if every sensor stops, the watermark stops too and nothing is reported (see README).
 */
public class SensorSilenceFunction
    extends KeyedProcessFunction<String, SensorReading, SystemEvent> {

  private final Duration silence;
  private transient ValueState<Long> lastSeenMs;
  private transient ValueState<String> room;

  public SensorSilenceFunction(Duration silence) {
    this.silence = silence;
  }

  @Override
  public void open(OpenContext openContext) {
    lastSeenMs =
        getRuntimeContext().getState(new ValueStateDescriptor<>("last-seen-ms", Types.LONG));
    room = getRuntimeContext().getState(new ValueStateDescriptor<>("room", Types.STRING));
  }

  @Override
  public void processElement(SensorReading r, Context ctx, Collector<SystemEvent> out)
      throws Exception {
    Long previousMs = lastSeenMs.value();
    Instant previous = previousMs == null ? null : Instant.ofEpochMilli(previousMs);
    Instant latest = SilenceRule.latest(previous, r.timestamp());
    if (latest.equals(previous)) {
      return;
    }
    if (previous != null) {
      ctx.timerService()
          .deleteEventTimeTimer(SilenceRule.deadline(previous, silence).toEpochMilli());
    }
    lastSeenMs.update(latest.toEpochMilli());
    if (r.room() != null) {
      room.update(r.room());
    }
    ctx.timerService().registerEventTimeTimer(SilenceRule.deadline(latest, silence).toEpochMilli());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SystemEvent> out)
      throws Exception {
    Long last = lastSeenMs.value();
    if (last != null
        && SilenceRule.deadline(Instant.ofEpochMilli(last), silence).toEpochMilli() == timestamp) {
      out.collect(
          SilenceRule.silentEvent(
              ctx.getCurrentKey(), room.value(), Instant.ofEpochMilli(last), silence));
      lastSeenMs.clear();
      room.clear();
    }
  }
}
