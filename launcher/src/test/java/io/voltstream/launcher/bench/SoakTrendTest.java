package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakTrendTest {
  private static final long MB = 1L << 20;

  @Test
  void shouldCallASawtoothAroundAConstantLevelFlat() {
    List<SoakSample> samples = new ArrayList<>();
    for (int minute = 0; minute < 24; minute++) {
      long heap = 400 * MB + (minute % 3) * 20 * MB; // caches fill and empty
      samples.add(sample(minute, heap, 300 * MB, 180 + minute % 2, 420 + minute % 5));
    }
    List<SoakTrend.Figure> figures = SoakTrend.evaluate(samples);
    assertThat(SoakTrend.allFlat(figures)).as(figures.toString()).isTrue();
  }

  @Test
  void shouldCatchAThreadLeakOfOnePerMinute() {
    List<SoakSample> samples = new ArrayList<>();
    for (int minute = 0; minute < 24; minute++) {
      samples.add(sample(minute, 400 * MB, 300 * MB, 180 + minute, 420));
    }
    List<SoakTrend.Figure> figures = SoakTrend.evaluate(samples);
    assertThat(SoakTrend.allFlat(figures)).isFalse();
    SoakTrend.Figure threads =
        figures.stream().filter(f -> f.name().equals("JVM threads")).findFirst().orElseThrow();
    assertThat(threads.flat()).isFalse();
    assertThat(threads.slopePerHour()).isCloseTo(60.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void shouldCatchAHeapThatGrowsBeyondItsAllowance() {
    List<SoakSample> samples = new ArrayList<>();
    for (int minute = 0; minute < 24; minute++) {
      samples.add(sample(minute, 400 * MB + minute * 8 * MB, 300 * MB, 180, 420));
    }
    SoakTrend.Figure heap = SoakTrend.evaluate(samples).get(0);
    assertThat(heap.name()).isEqualTo("JVM heap after GC");
    assertThat(heap.growth()).isGreaterThan(heap.allowed());
    assertThat(heap.flat()).isFalse();
  }

  @Test
  void shouldCatchLeakedFileDescriptors() {
    List<SoakSample> samples = new ArrayList<>();
    for (int minute = 0; minute < 24; minute++) {
      samples.add(sample(minute, 400 * MB, 300 * MB, 180, 420 + 4 * minute));
    }
    assertThat(SoakTrend.evaluate(samples))
        .filteredOn(f -> f.name().equals("JVM open fds"))
        .singleElement()
        .satisfies(f -> assertThat(f.flat()).isFalse());
  }

  @Test
  void shouldRefuseAVerdictOnTooFewSamples() {
    assertThatThrownBy(() -> SoakTrend.evaluate(List.of(sample(0, MB, MB, 1, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 4 samples");
  }

  private static SoakSample sample(int minute, long heap, long rss, int threads, int fds) {
    return new SoakSample(
        Duration.ofMinutes(minute),
        heap,
        Map.of("JVM", new SoakSample.ProcessFootprint(rss, threads, fds)),
        minute * 1000L,
        minute * 10L,
        50,
        minute * 100L,
        0);
  }
}
