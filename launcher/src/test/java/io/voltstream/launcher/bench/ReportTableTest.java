package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTableTest {

  private static long columns(String markdownRow) {
    return markdownRow.chars().filter(c -> c == '|').count() - 1;
  }

  private static StepResult step(boolean sustained) {
    LagTrend lag = new LagTrend(12.5, 375, 4_695, 4_195, 25_000);
    LagTrend queue = new LagTrend(-1, -30, 900, 120, 25_000);
    Percentiles latency =
        Percentiles.of(
            List.of(Duration.ofMillis(573), Duration.ofMillis(1134), Duration.ofMillis(1149)), 0);
    Percentiles ws = Percentiles.of(List.of(Duration.ofMillis(40)), 1);
    StepVerdict verdict =
        sustained
            ? new StepVerdict(true, List.of())
            : new StepVerdict(false, List.of("stored 20,000/s < 99% of 30,000/s"));
    return new StepResult(
        30_000,
        6,
        Duration.ofSeconds(30),
        29_995,
        30_017,
        29_593,
        lag,
        queue,
        32_911,
        "raw-readings",
        latency,
        Optional.of(ws),
        List.of(
            new ProcessUsage(BenchStack.JVM, 104, 1_555_000_000L),
            new ProcessUsage("influxd", 6, 142_000_000L)),
        1_710_000_000L,
        36.1,
        100,
        verdict);
  }

  @Test
  void shouldPrintAsManyCellsPerRowAsTheHeaderHas() {
    String[] header = ReportTable.header().split("\n");
    assertThat(columns(ReportTable.row(1, step(true))))
        .isEqualTo(columns(header[0]))
        .isEqualTo(columns(header[1]));
  }

  @Test
  void shouldShowTheFiguresAndTheReasonOfAFailedStep() {
    String row = ReportTable.row(3, step(false));
    assertThat(row)
        .contains("| 3 (30s) | 30,000 (5,000) | 29,995 | 30,017 | 29,593 (4,932) |")
        .contains("| 120 / 900, flat -1/s | 32,911 (raw-readings) | 4,195 / 4,695, flat +13/s |")
        .contains("1134ms / 1149ms / 1149ms (3)")
        .contains("40ms / unseen / 40ms (1, 1 unseen)")
        .contains("JVM 104% / 1,555 MB; influxd 6% / 142 MB")
        .contains("1,710 MB")
        .endsWith("NOT sustained: stored 20,000/s < 99% of 30,000/s |");
  }
}
