package io.voltstream.jobs.roommetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class RegistryWatermarksTest {

  @Test
  void shouldDeclareTheRegistryIdleInsteadOfEmittingAnyWatermark() {
    List<String> calls = new ArrayList<>();
    WatermarkOutput output =
        new WatermarkOutput() {
          @Override
          public void emitWatermark(Watermark watermark) {
            calls.add("watermark " + watermark.getTimestamp());
          }

          @Override
          public void markIdle() {
            calls.add("idle");
          }

          @Override
          public void markActive() {
            calls.add("active");
          }
        };
    var generator = new RegistryWatermarks.IdleGenerator<String>();

    generator.onEvent("sensor:m1", 42, output);
    generator.onPeriodicEmit(output);
    generator.onPeriodicEmit(output);

    assertThat(calls).containsExactly("idle", "idle");
  }
}
