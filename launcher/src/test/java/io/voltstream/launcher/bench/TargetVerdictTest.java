package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetVerdictTest {
  private static final LagTrend FLAT = new LagTrend(0, 0, 100, 100, 1000);

  private static StepResult step(int target, Duration duration, boolean sustained, long rssBytes) {
    StepVerdict verdict =
        new StepVerdict(sustained, sustained ? List.of() : List.of("stored too little"));
    return new StepResult(
        target,
        duration,
        target,
        target,
        target,
        FLAT,
        10,
        Optional.empty(),
        0,
        List.of(),
        rssBytes,
        1.0,
        50,
        verdict);
  }

  @Test
  void shouldPassWhenThirtyThousandIsSustainedForFiveMinutesWithinMemory() {
    TargetVerdict v =
        TargetVerdict.evaluate(
            List.of(step(30_000, Duration.ofMillis(299_600), true, 2_000_000_000L)));
    assertThat(v.throughputMet()).isTrue();
    assertThat(v.memoryMet()).isTrue();
    assertThat(v.line()).startsWith("VERDICT: throughput PASS").contains("memory PASS");
  }

  @Test
  void shouldNotCountShortStepsTowardsTheFiveMinuteTarget() {
    TargetVerdict v =
        TargetVerdict.evaluate(List.of(step(40_000, Duration.ofSeconds(30), true, 1_000_000_000L)));
    assertThat(v.throughputMet()).isFalse();
    assertThat(v.bestSustainedDpS()).isEqualTo(40_000);
  }

  @Test
  void shouldIgnoreStepsThatWereNotSustained() {
    TargetVerdict v =
        TargetVerdict.evaluate(
            List.of(
                step(20_000, Duration.ofMinutes(5), true, 1_000_000_000L),
                step(30_000, Duration.ofMinutes(5), false, 1_000_000_000L)));
    assertThat(v.throughputMet()).isFalse();
    assertThat(v.bestSustainedDpS()).isEqualTo(20_000);
  }

  @Test
  void shouldFailMemoryWhenAnyStepExceedsTheBudget() {
    TargetVerdict v =
        TargetVerdict.evaluate(
            List.of(
                step(30_000, Duration.ofMinutes(5), true, 2_400_000_000L),
                step(40_000, Duration.ofMinutes(5), false, 2_600_000_000L)));
    assertThat(v.throughputMet()).isTrue();
    assertThat(v.memoryMet()).isFalse();
    assertThat(v.maxTotalRssBytes()).isEqualTo(2_600_000_000L);
  }
}
