package io.voltstream.jobs.roommetrics;

import io.voltstream.jobs.roommetrics.logic.RoomReading;
import io.voltstream.model.SensorReading;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Counts readings that arrived after their window had fired (Flink metric {@code lateReadings}) and
 * unwraps them for {@code readings.late}, with the assigned room in {@code room}.
 */
public class LateReadingCounter extends RichMapFunction<RoomReading, SensorReading> {

  private transient Counter lateReadings;

  @Override
  public void open(OpenContext openContext) {
    lateReadings = getRuntimeContext().getMetricGroup().counter("lateReadings");
  }

  @Override
  public SensorReading map(RoomReading value) {
    lateReadings.inc();
    return value.reading();
  }
}
