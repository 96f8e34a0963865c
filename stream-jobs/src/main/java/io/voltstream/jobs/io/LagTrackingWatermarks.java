package io.voltstream.jobs.io;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Passes every call to the generator it wraps and notes what that generator emits (watermark, idle,
 * active) in a {@link WatermarkLag.Slot}, for the {@value EventTimeWatermarks#WATERMARK_LAG_METRIC}
 * gauge.
 */
final class LagTrackingWatermarks<T> implements WatermarkGenerator<T> {
  private final WatermarkGenerator<T> delegate;
  private final WatermarkLag.Slot slot;

  LagTrackingWatermarks(WatermarkGenerator<T> delegate, WatermarkLag.Slot slot) {
    this.delegate = delegate;
    this.slot = slot;
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    delegate.onEvent(event, eventTimestamp, tracked(output));
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    delegate.onPeriodicEmit(tracked(output));
  }

  private WatermarkOutput tracked(WatermarkOutput output) {
    return new WatermarkOutput() {
      @Override
      public void emitWatermark(Watermark watermark) {
        slot.watermark(watermark.getTimestamp());
        output.emitWatermark(watermark);
      }

      @Override
      public void markIdle() {
        slot.idle(true);
        output.markIdle();
      }

      @Override
      public void markActive() {
        slot.idle(false);
        output.markActive();
      }
    };
  }
}
