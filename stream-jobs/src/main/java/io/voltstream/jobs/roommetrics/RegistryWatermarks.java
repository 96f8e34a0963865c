package io.voltstream.jobs.roommetrics;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks for the registry stream: none, and the stream is declared idle. The registry is not
 * event-time data, so the broadcast-connected operator must take its watermark from the readings
 * alone. Two tempting alternatives are wrong:
 *
 * <ul>
 *   <li>no watermarks at all: the operator's watermark is the minimum of both inputs, so it would
 *       stay at its minimum and no window would ever fire;
 *   <li>a constant "end of time" watermark: as soon as the readings go idle (a pause longer than
 *       the idleness timeout), the operator's watermark becomes the registry's +∞, every open
 *       window fires and every reading after the pause is late.
 * </ul>
 *
 * An idle input is ignored by the operator's watermark. A registry record may flip it active for up
 * to one watermark interval (holding the readings' watermark for that long, never advancing it).
 * The dispatch job uses it for its control inputs too (registry, commands, forecasts).
 */
public final class RegistryWatermarks {

  private RegistryWatermarks() {}

  public static <T> WatermarkStrategy<T> idle() {
    return WatermarkStrategy.forGenerator(ctx -> new IdleGenerator<>());
  }

  /** Never emits a watermark; reports idle on every periodic emit. */
  static final class IdleGenerator<T> implements WatermarkGenerator<T> {
    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      output.markIdle();
    }
  }
}
