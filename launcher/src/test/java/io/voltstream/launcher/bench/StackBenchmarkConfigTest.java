package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackBenchmarkConfigTest {

  @Test
  void shouldTakeThePlanFromTheFlagsAndDefaultsForTheRest() {
    StackBenchmarkConfig cfg = StackBenchmarkConfig.of(Map.of(), new int[] {5000, 30_000}, "5m", 6);
    assertThat(cfg.ratesDataPointsPerS()).containsExactly(5000, 30_000);
    assertThat(cfg.step()).isEqualTo(Duration.ofMinutes(5));
    assertThat(cfg.probeInterval()).isEqualTo(Duration.ofMillis(200));
    assertThat(cfg.pollInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(cfg.tolerance()).isEqualTo(0.99);
    assertThat(cfg.keepData()).isFalse();
    assertThat(cfg.readingsPerSecond(30_000)).isEqualTo(5000.0);
  }

  @Test
  void shouldReadBenchVariables() {
    StackBenchmarkConfig cfg =
        StackBenchmarkConfig.of(
            Map.of(
                BenchOptions.SENSORS.name(),
                "200",
                BenchOptions.KEEP_DATA.name(),
                "true",
                BenchOptions.WARMUP.name(),
                "0s"),
            new int[] {1000},
            "30s",
            3);
    assertThat(cfg.sensors()).isEqualTo(200);
    assertThat(cfg.keepData()).isTrue();
    assertThat(cfg.warmup()).isZero();
  }

  @Test
  void shouldNameTheKeyOfAnInvalidSetting() {
    assertThatThrownBy(
            () ->
                StackBenchmarkConfig.of(
                    Map.of(BenchOptions.SENSORS.name(), "many"), new int[] {1000}, "30s", 6))
        .hasMessageContaining("VOLTSTREAM_BENCH_SENSORS");
    assertThatThrownBy(() -> StackBenchmarkConfig.of(Map.of(), new int[] {1000}, "soon", 6))
        .hasMessageContaining("--step");
    assertThatThrownBy(() -> StackBenchmarkConfig.of(Map.of(), new int[] {0}, "30s", 6))
        .hasMessageContaining("--rates");
    assertThatThrownBy(() -> StackBenchmarkConfig.of(Map.of(), new int[] {1000}, "30s", 8))
        .hasMessageContaining("--metrics-per-reading");
  }
}
