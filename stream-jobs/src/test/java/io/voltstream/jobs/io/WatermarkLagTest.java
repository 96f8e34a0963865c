package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarkLagTest {
  private static final long NOW = 1_800_000_000_000L;

  @Test
  void lagIsMeasuredFromTheLowestActiveWatermark() {
    WatermarkLag lag = new WatermarkLag();
    lag.newSlot().watermark(NOW - 5_000);
    lag.newSlot().watermark(NOW - 12_000);

    assertThat(lag.lagMs(NOW)).isEqualTo(12_000.0);
  }

  @Test
  void idlePartitionsAndPartitionsWithoutEventsDoNotCount() {
    WatermarkLag lag = new WatermarkLag();
    WatermarkLag.Slot idle = lag.newSlot();
    idle.watermark(NOW - 600_000);
    idle.idle(true);
    lag.newSlot().watermark(Long.MIN_VALUE); // no event seen yet
    lag.newSlot().watermark(NOW - 3_000);

    assertThat(lag.lagMs(NOW)).isEqualTo(3_000.0);
  }

  @Test
  void unknownWithoutAnyWatermark() {
    WatermarkLag lag = new WatermarkLag();
    lag.newSlot();

    assertThat(lag.lagMs(NOW)).isNaN();
  }

  @Test
  void aPartitionThatBecomesActiveAgainCountsWithItsNextWatermark() {
    WatermarkLag lag = new WatermarkLag();
    WatermarkLag.Slot slot = lag.newSlot();
    slot.idle(true);
    slot.watermark(NOW - 1_000);

    assertThat(lag.lagMs(NOW)).isEqualTo(1_000.0);
  }
}
