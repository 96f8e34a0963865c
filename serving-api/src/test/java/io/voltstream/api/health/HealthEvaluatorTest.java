package io.voltstream.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.health.HealthReport.JobHealth;
import io.voltstream.api.health.Observations.GroupLag;
import io.voltstream.api.health.Observations.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthEvaluatorTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final HealthThresholds LIMITS =
      new HealthThresholds(
          1000,
          400,
          Duration.ofMinutes(3),
          Duration.ofMinutes(5),
          60,
          Duration.ofMinutes(3),
          Duration.ofHours(2));
  private final HealthEvaluator evaluator = new HealthEvaluator(LIMITS);

  private static Observations.Kafka kafka(GroupLag... groups) {
    return new Observations.Kafka(Optional.empty(), 1, List.of(groups), 7);
  }

  private static Job running(String name, Duration sinceCheckpoint, Duration watermarkLag) {
    return new Job(
        name,
        "RUNNING",
        NOW.minus(Duration.ofHours(1)),
        Optional.of(NOW.minus(sinceCheckpoint)),
        Optional.ofNullable(watermarkLag).map(NOW::minus));
  }

  private static Observations.Influx freshInflux() {
    return new Observations.Influx(
        Optional.empty(),
        Optional.of(NOW.minusSeconds(2)),
        Optional.of(NOW.minusSeconds(70)),
        Optional.of(NOW.minus(Duration.ofMinutes(20))));
  }

  private HealthReport evaluate(
      Observations.Kafka kafka,
      Optional<Observations.Flink> flink,
      List<String> expected,
      Optional<Double> dlqRate,
      Observations.Influx influx) {
    return evaluator.evaluate(
        new HealthEvaluator.Inputs(kafka, flink, expected, dlqRate, influx), NOW);
  }

  private static Optional<Observations.Flink> flink(Job... jobs) {
    return Optional.of(new Observations.Flink(Optional.empty(), List.of(jobs)));
  }

  @Test
  void shouldBeUpWhenEveryFigureIsWithinItsThreshold() {
    HealthReport r =
        evaluate(
            kafka(new GroupLag("voltstream-alerts", 1000, 400, "readings-0")),
            flink(running("alerts", Duration.ofSeconds(30), Duration.ofSeconds(20))),
            List.of("alerts"),
            Optional.of(60.0),
            freshInflux());

    assertThat(r.status()).isEqualTo(HealthStatus.UP);
    assertThat(r.httpStatus()).isEqualTo(200);
    assertThat(r.summary().components())
        .containsOnlyKeys("kafka", "flink", "dead_letters", "influxdb", "forecasts")
        .allSatisfy((k, v) -> assertThat(v).isEqualTo(HealthStatus.UP));
    JobHealth job = r.flink().jobs().get(0);
    assertThat(job.checkpointAgeS()).isEqualTo(30.0);
    assertThat(job.watermarkLagS()).isEqualTo(20.0);
    assertThat(r.deadLetters().deadLetters()).isEqualTo(7);
    assertThat(r.influxdb().roomMetricsWriteAgeS()).isEqualTo(70.0);
  }

  @Test
  void shouldDegradeKafkaWhenAGroupOrOnePartitionLagsTooFar() {
    var total = evaluator.kafka(kafka(new GroupLag("g1", 1001, 300, "readings-1")));
    var partition = evaluator.kafka(kafka(new GroupLag("g2", 500, 401, "readings-3")));

    assertThat(total.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(total.reasons()).containsExactly("g1: lag 1001 records > 1000");
    assertThat(partition.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(partition.reasons())
        .containsExactly("g2: lag 401 records on readings-3 > 400 per partition");
  }

  @Test
  void shouldReportUnreachableServersAsDownAndAnswer503() {
    HealthReport r =
        evaluate(
            Observations.Kafka.unreachable("no answer within 2000 ms"),
            Optional.of(Observations.Flink.unreachable("connection refused")),
            List.of(),
            Optional.empty(),
            Observations.Influx.unreachable("connection refused"));

    assertThat(r.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(r.httpStatus()).isEqualTo(503);
    assertThat(r.summary().components())
        .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(HealthStatus.DOWN));
    assertThat(r.kafka().reasons()).containsExactly("Kafka unreachable: no answer within 2000 ms");
  }

  @Test
  void shouldDegradeAJobWhoseCheckpointIsOldOrWhoseWatermarkTrails() {
    var f =
        evaluator.flink(
            flink(
                    running("a", Duration.ofMinutes(4), Duration.ofSeconds(1)),
                    running("b", Duration.ofSeconds(5), Duration.ofMinutes(6)),
                    running("c", Duration.ofSeconds(5), null))
                .orElseThrow(),
            List.of(),
            NOW);

    assertThat(f.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(f.jobs())
        .extracting(JobHealth::name, JobHealth::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", HealthStatus.DEGRADED),
            org.assertj.core.groups.Tuple.tuple("b", HealthStatus.DEGRADED),
            org.assertj.core.groups.Tuple.tuple("c", HealthStatus.UP));
    assertThat(f.reasons())
        .containsExactly(
            "a: last checkpoint 240.0 s ago > 180.0 s", "b: watermark 360.0 s behind > 300.0 s");
    assertThat(f.jobs().get(2).watermarkLagS()).as("no event time: not judged").isNull();
  }

  @Test
  void shouldCountAJobWithoutCheckpointFromItsStart() {
    Job young =
        new Job("young", "RUNNING", NOW.minusSeconds(20), Optional.empty(), Optional.empty());
    Job stuck =
        new Job("stuck", "RUNNING", NOW.minusSeconds(200), Optional.empty(), Optional.empty());

    var f = evaluator.flink(flink(young, stuck).orElseThrow(), List.of(), NOW);

    assertThat(f.jobs().get(0).name()).isEqualTo("stuck");
    assertThat(f.jobs().get(0).status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(f.jobs().get(1).status()).isEqualTo(HealthStatus.UP);
    assertThat(f.reasons())
        .containsExactly("stuck: no completed checkpoint since its start 200.0 s ago > 180.0 s");
  }

  @Test
  void shouldJudgeTheNewestRunOfEachExpectedJob() {
    Job failedEarlier =
        new Job(
            "alerts", "FAILED", NOW.minus(Duration.ofHours(2)), Optional.empty(), Optional.empty());
    Job runningNow = running("alerts", Duration.ofSeconds(10), null);
    Job restarting =
        new Job("dispatch", "RESTARTING", NOW.minusSeconds(60), Optional.empty(), Optional.empty());
    Job cancelled =
        new Job("rules", "CANCELED", NOW.minusSeconds(60), Optional.empty(), Optional.empty());

    var onlyAlerts =
        evaluator.flink(flink(failedEarlier, runningNow).orElseThrow(), List.of("alerts"), NOW);
    var withRestart = evaluator.flink(flink(runningNow, restarting).orElseThrow(), List.of(), NOW);
    var missingAndCancelled =
        evaluator.flink(
            flink(runningNow, cancelled).orElseThrow(), List.of("alerts", "rules", "market"), NOW);

    assertThat(onlyAlerts.status()).isEqualTo(HealthStatus.UP);
    assertThat(withRestart.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(withRestart.reasons()).containsExactly("dispatch: RESTARTING");
    assertThat(missingAndCancelled.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(missingAndCancelled.reasons())
        .containsExactly("market: not on the cluster", "rules: CANCELED");
  }

  @Test
  void shouldDegradeWhenDeadLettersGrowFasterThanTheThreshold() {
    assertThat(evaluator.deadLetters(kafka(), Optional.of(61.0)).status())
        .isEqualTo(HealthStatus.DEGRADED);
    assertThat(evaluator.deadLetters(kafka(), Optional.of(61.0)).reasons())
        .containsExactly("61.0 dead letters/min > 60.0");
    assertThat(evaluator.deadLetters(kafka(), Optional.empty()).status())
        .as("first sample: no rate yet")
        .isEqualTo(HealthStatus.UP);
  }

  @Test
  void shouldDegradeInfluxWhenTheNewestWriteIsStaleOrMissing() {
    var stale =
        new Observations.Influx(
            Optional.empty(),
            Optional.of(NOW.minusSeconds(181)),
            Optional.empty(),
            Optional.empty());

    var i = evaluator.influx(stale, NOW);

    assertThat(i.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(i.readingsWriteAgeS()).isEqualTo(181.0);
    assertThat(i.reasons())
        .containsExactly(
            "readings: newest point 181.0 s old > 180.0 s",
            "room_metrics: no point within the look-back of PT48H");
  }

  @Test
  void shouldDegradeStaleForecastsAndSkipThemWhenNotChecked() {
    var old =
        new Observations.Influx(
            Optional.empty(),
            Optional.of(NOW),
            Optional.of(NOW),
            Optional.of(NOW.minus(Duration.ofHours(3))));
    HealthThresholds noForecasts =
        new HealthThresholds(
            1000,
            400,
            Duration.ofMinutes(3),
            Duration.ofMinutes(5),
            60,
            Duration.ofMinutes(3),
            Duration.ZERO);

    HealthReport checked = evaluate(kafka(), Optional.empty(), List.of(), Optional.empty(), old);
    HealthReport unchecked =
        new HealthEvaluator(noForecasts)
            .evaluate(
                new HealthEvaluator.Inputs(
                    kafka(), Optional.empty(), List.of(), Optional.empty(), old),
                NOW);

    assertThat(checked.forecasts().status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(checked.status()).as("worst component").isEqualTo(HealthStatus.DEGRADED);
    assertThat(checked.httpStatus()).isEqualTo(200);
    assertThat(checked.summary().components()).doesNotContainKey("flink");
    assertThat(unchecked.forecasts()).isNull();
    assertThat(unchecked.status()).isEqualTo(HealthStatus.UP);
  }
}
