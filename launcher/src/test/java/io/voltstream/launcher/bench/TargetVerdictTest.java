package io.voltstream.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TargetVerdictTest {
  private static final LagTrend FLAT = new LagTrend(0, 0, 100, 100, 1000);
  private static final OptionalDouble PASS_THROUGH_15K = OptionalDouble.of(15_000);

  private static StepResult step(
      int target, Duration duration, boolean sustained, long rssBytes, Optional<Percentiles> ws) {
    StepVerdict verdict =
        new StepVerdict(sustained, sustained ? List.of() : List.of("stored too little"));
    return new StepResult(
        target,
        6,
        duration,
        target,
        target,
        target,
        FLAT,
        FLAT,
        10,
        "raw-readings",
        Percentiles.of(List.of(Duration.ofMillis(100)), 0),
        ws,
        List.of(),
        rssBytes,
        1.0,
        50,
        verdict);
  }

  private static StepResult step(int target, Duration duration, boolean sustained, long rss) {
    return step(target, duration, sustained, rss, Optional.empty());
  }

  private static Optional<Percentiles> ws(long p99Millis) {
    return Optional.of(Percentiles.of(List.of(Duration.ofMillis(p99Millis)), 0));
  }

  @Test
  void shouldPassEveryTargetWhenSixtyThousandIsSustainedForFiveMinutes() {
    TargetVerdict v =
        TargetVerdict.evaluate(
            List.of(
                step(30_000, Duration.ofMinutes(5), true, 2_000_000_000L, ws(180)),
                step(60_000, Duration.ofMillis(299_600), true, 2_400_000_000L)),
            PASS_THROUGH_15K);
    assertThat(v.throughputMet()).isTrue();
    assertThat(v.ratioMet()).isTrue();
    assertThat(v.webSocketMet()).isTrue();
    assertThat(v.memoryMet()).isTrue();
    assertThat(v.line())
        .startsWith("VERDICT: throughput PASS")
        .contains("pipeline/pass-through PASS (>= 0.5; 0.67 = 10,000 / 15,000 readings/s;")
        .contains("MQTT→WebSocket PASS")
        .contains("memory PASS");
  }

  @Test
  void shouldNotCountShortStepsTowardsTheFiveMinuteTarget() {
    TargetVerdict v =
        TargetVerdict.evaluate(
            List.of(step(60_000, Duration.ofSeconds(30), true, 1_000_000_000L)), PASS_THROUGH_15K);
    assertThat(v.throughputMet()).isFalse();
    assertThat(v.bestSustainedDpS()).isEqualTo(60_000);
  }

  @Test
  void shouldIgnoreStepsThatWereNotSustained() {
    TargetVerdict v =
        TargetVerdict.evaluate(
            List.of(
                step(30_000, Duration.ofMinutes(5), true, 1_000_000_000L),
                step(60_000, Duration.ofMinutes(5), false, 1_000_000_000L)),
            OptionalDouble.of(20_000));
    assertThat(v.throughputMet()).isFalse();
    assertThat(v.bestSustainedDpS()).isEqualTo(30_000);
    // 5,000 of 20,000 readings/s, and the ceiling was found (a step failed): no lower-bound note
    assertThat(v.ratioMet()).isFalse();
    assertThat(v.line())
        .contains("pipeline/pass-through FAIL (>= 0.5; 0.25 = 5,000 / 20,000 readings/s)");
  }

  @Test
  void shouldSayWhatWasNotMeasuredInsteadOfPassingIt() {
    TargetVerdict v =
        TargetVerdict.evaluate(
            List.of(step(60_000, Duration.ofMinutes(5), true, 1_000_000_000L)),
            OptionalDouble.empty());
    assertThat(v.ratioMet()).isFalse();
    assertThat(v.webSocketMet()).isFalse();
    assertThat(v.line())
        .contains("pipeline/pass-through NOT MEASURED")
        .contains("MQTT→WebSocket NOT MEASURED (needs a step at 30,000 in --rates)");
  }

  @Test
  void shouldFailWebSocketWhenP99IsOverOrUnseen() {
    Percentiles unseen = Percentiles.of(List.of(Duration.ofMillis(10), Duration.ofMillis(20)), 1);
    assertThat(
            TargetVerdict.evaluate(
                    List.of(step(30_000, Duration.ofMinutes(5), true, 1, Optional.of(unseen))),
                    PASS_THROUGH_15K)
                .webSocketMet())
        .isFalse();
    assertThat(
            TargetVerdict.evaluate(
                    List.of(step(30_000, Duration.ofMinutes(5), true, 1, ws(251))),
                    PASS_THROUGH_15K)
                .webSocketMet())
        .isFalse();
  }

  @Test
  void shouldFailMemoryWhenAnyStepExceedsTheBudget() {
    TargetVerdict v =
        TargetVerdict.evaluate(
            List.of(
                step(60_000, Duration.ofMinutes(5), true, 2_400_000_000L),
                step(80_000, Duration.ofMinutes(5), false, 2_600_000_000L)),
            PASS_THROUGH_15K);
    assertThat(v.throughputMet()).isTrue();
    assertThat(v.memoryMet()).isFalse();
    assertThat(v.maxTotalRssBytes()).isEqualTo(2_600_000_000L);
  }
}
