package io.voltstream.jobs.alerts;

import io.voltstream.jobs.alerts.logic.ClockAheadRule;
import io.voltstream.jobs.io.EventTimeLimit;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SystemEvent;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per sensor: a reading stamped too far ahead of this operator's wall clock ({@link
 * ClockAheadRule}) raises a {@code clock_ahead} event, then the sensor stays quiet for {@link
 * ClockAheadRule#REPORT_EVERY}: one {@code ValueState} (until when) and one processing-time timer
 * that clears it. Sensors with a correct clock cost no state. Processing time, because the rule
 * compares the event time with the wall clock by definition.
 */
public class ClockAheadFunction extends KeyedProcessFunction<String, SensorReading, SystemEvent> {

  private final EventTimeLimit limit;
  private transient ValueState<Long> quietUntilMs;

  public ClockAheadFunction(EventTimeLimit limit) {
    this.limit = limit;
  }

  @Override
  public void open(OpenContext openContext) {
    quietUntilMs =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("clock-ahead-quiet-until-ms", Types.LONG));
  }

  @Override
  public void processElement(SensorReading r, Context ctx, Collector<SystemEvent> out)
      throws Exception {
    if (quietUntilMs.value() != null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
    Optional<SystemEvent> event = ClockAheadRule.evaluate(r, now, limit);
    if (event.isPresent()) {
      out.collect(event.get());
      long until = now.plus(ClockAheadRule.REPORT_EVERY).toEpochMilli();
      quietUntilMs.update(until);
      ctx.timerService().registerProcessingTimeTimer(until);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SystemEvent> out) {
    quietUntilMs.clear();
  }
}
