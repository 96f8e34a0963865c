package io.voltstream.api.health;

import io.voltstream.api.health.HealthReport.DeadLetterHealth;
import io.voltstream.api.health.HealthReport.FlinkHealth;
import io.voltstream.api.health.HealthReport.ForecastHealth;
import io.voltstream.api.health.HealthReport.InfluxHealth;
import io.voltstream.api.health.HealthReport.JobHealth;
import io.voltstream.api.health.HealthReport.KafkaHealth;
import io.voltstream.api.health.Observations.GroupLag;
import io.voltstream.api.health.Observations.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Judges the observations against the thresholds: pure, so every rule is unit-tested. A component
 * is {@code down} when it cannot be read (or an expected job is not running), {@code degraded} when
 * a figure is past its threshold, else {@code up}; the whole is the worst component.
 */
public final class HealthEvaluator {
  /** Flink states of a job that is on its way to running: degraded, not down. */
  private static final Set<String> STARTING =
      Set.of("CREATED", "INITIALIZING", "RESTARTING", "RECONCILING");

  private final HealthThresholds limits;

  public HealthEvaluator(HealthThresholds limits) {
    this.limits = limits;
  }

  /**
   * What the probes saw.
   *
   * @param flink empty when no Flink REST address is configured (not checked)
   * @param expectedJobs job names that must run; empty = every name the cluster lists
   * @param deadLettersPerMinute empty until {@link DeadLetterRate} has two samples
   */
  public record Inputs(
      Observations.Kafka kafka,
      Optional<Observations.Flink> flink,
      List<String> expectedJobs,
      Optional<Double> deadLettersPerMinute,
      Observations.Influx influx) {}

  public HealthReport evaluate(Inputs in, Instant now) {
    KafkaHealth kafka = kafka(in.kafka());
    FlinkHealth flink = in.flink().map(f -> flink(f, in.expectedJobs(), now)).orElse(null);
    DeadLetterHealth dlq = deadLetters(in.kafka(), in.deadLettersPerMinute());
    InfluxHealth influx = influx(in.influx(), now);
    ForecastHealth forecasts = limits.checksForecasts() ? forecasts(in.influx(), now) : null;
    HealthStatus overall = kafka.status().worst(dlq.status()).worst(influx.status());
    if (flink != null) {
      overall = overall.worst(flink.status());
    }
    if (forecasts != null) {
      overall = overall.worst(forecasts.status());
    }
    return new HealthReport(overall, now, kafka, flink, dlq, influx, forecasts);
  }

  KafkaHealth kafka(Observations.Kafka k) {
    if (k.error().isPresent()) {
      return new KafkaHealth(
          HealthStatus.DOWN, List.of("Kafka unreachable: " + k.error().get()), 0, List.of());
    }
    List<String> reasons = new ArrayList<>();
    for (GroupLag g : k.groups()) {
      if (g.totalLag() > limits.maxGroupLag()) {
        reasons.add(g.group() + ": lag " + g.totalLag() + " records > " + limits.maxGroupLag());
      }
      if (g.maxPartitionLag() > limits.maxPartitionLag()) {
        reasons.add(
            g.group()
                + ": lag "
                + g.maxPartitionLag()
                + " records on "
                + g.maxLagPartition()
                + " > "
                + limits.maxPartitionLag()
                + " per partition");
      }
    }
    return new KafkaHealth(degradedIf(reasons), List.copyOf(reasons), k.brokers(), k.groups());
  }

  FlinkHealth flink(Observations.Flink f, List<String> expectedJobs, Instant now) {
    if (f.error().isPresent()) {
      return new FlinkHealth(
          HealthStatus.DOWN, List.of("Flink REST unreachable: " + f.error().get()), List.of());
    }
    // A name may have several runs (cancelled, failed, resubmitted): the newest one counts.
    Map<String, Job> newest =
        f.jobs().stream()
            .collect(
                Collectors.toMap(
                    Job::name,
                    Function.identity(),
                    (a, b) -> a.startedAt().isAfter(b.startedAt()) ? a : b));
    Set<String> names =
        new LinkedHashSet<>(expectedJobs.isEmpty() ? newest.keySet() : expectedJobs);
    List<String> reasons = new ArrayList<>();
    List<JobHealth> jobs = new ArrayList<>();
    HealthStatus status = names.isEmpty() ? HealthStatus.DEGRADED : HealthStatus.UP;
    if (names.isEmpty()) {
      reasons.add("no job on the cluster");
    }
    for (String name : names.stream().sorted().toList()) {
      Job job = newest.get(name);
      if (job == null) {
        reasons.add(name + ": not on the cluster");
        jobs.add(new JobHealth(name, "MISSING", HealthStatus.DOWN, null, null, null, null));
        status = HealthStatus.DOWN;
        continue;
      }
      JobHealth judged = job(job, now, reasons);
      jobs.add(judged);
      status = status.worst(judged.status());
    }
    return new FlinkHealth(status, List.copyOf(reasons), List.copyOf(jobs));
  }

  private JobHealth job(Job job, Instant now, List<String> reasons) {
    String name = job.name();
    HealthStatus status = HealthStatus.UP;
    if (STARTING.contains(job.state())) {
      reasons.add(name + ": " + job.state());
      status = HealthStatus.DEGRADED;
    } else if (!"RUNNING".equals(job.state())) {
      reasons.add(name + ": " + job.state());
      status = HealthStatus.DOWN;
    }
    // Before its first checkpoint a job's age counts from its start, so one that never completes
    // a checkpoint degrades too.
    Duration checkpointAge =
        nonNegative(Duration.between(job.lastCheckpoint().orElse(job.startedAt()), now));
    Duration watermarkLag =
        job.watermark().map(w -> nonNegative(Duration.between(w, now))).orElse(null);
    if ("RUNNING".equals(job.state())) {
      if (checkpointAge.compareTo(limits.maxCheckpointAge()) > 0) {
        reasons.add(
            name
                + ": "
                + (job.lastCheckpoint().isPresent()
                    ? "last checkpoint "
                    : "no completed checkpoint since its start ")
                + seconds(checkpointAge)
                + " s ago > "
                + seconds(limits.maxCheckpointAge())
                + " s");
        status = status.worst(HealthStatus.DEGRADED);
      }
      if (watermarkLag != null && watermarkLag.compareTo(limits.maxWatermarkLag()) > 0) {
        reasons.add(
            name
                + ": watermark "
                + seconds(watermarkLag)
                + " s behind > "
                + seconds(limits.maxWatermarkLag())
                + " s");
        status = status.worst(HealthStatus.DEGRADED);
      }
    }
    return new JobHealth(
        name,
        job.state(),
        status,
        job.lastCheckpoint().orElse(null),
        seconds(checkpointAge),
        job.watermark().orElse(null),
        watermarkLag == null ? null : seconds(watermarkLag));
  }

  DeadLetterHealth deadLetters(Observations.Kafka k, Optional<Double> perMinute) {
    if (k.error().isPresent()) {
      return new DeadLetterHealth(
          HealthStatus.DOWN, List.of("Kafka unreachable: " + k.error().get()), 0, null);
    }
    List<String> reasons = new ArrayList<>();
    perMinute
        .filter(rate -> rate > limits.maxDeadLettersPerMinute())
        .ifPresent(
            rate ->
                reasons.add(
                    String.format(
                        java.util.Locale.ROOT,
                        "%.1f dead letters/min > %s",
                        rate,
                        limits.maxDeadLettersPerMinute())));
    return new DeadLetterHealth(
        degradedIf(reasons), List.copyOf(reasons), k.deadLetters(), perMinute.orElse(null));
  }

  InfluxHealth influx(Observations.Influx i, Instant now) {
    if (i.error().isPresent()) {
      return new InfluxHealth(
          HealthStatus.DOWN,
          List.of("InfluxDB unreachable: " + i.error().get()),
          null,
          null,
          null,
          null);
    }
    List<String> reasons = new ArrayList<>();
    Double readingsAge = fresh("readings", i.lastReadings(), limits.maxWriteAge(), now, reasons);
    Double metricsAge =
        fresh("room_metrics", i.lastRoomMetrics(), limits.maxWriteAge(), now, reasons);
    return new InfluxHealth(
        degradedIf(reasons),
        List.copyOf(reasons),
        i.lastReadings().orElse(null),
        readingsAge,
        i.lastRoomMetrics().orElse(null),
        metricsAge);
  }

  ForecastHealth forecasts(Observations.Influx i, Instant now) {
    if (i.error().isPresent()) {
      return new ForecastHealth(
          HealthStatus.DOWN, List.of("InfluxDB unreachable: " + i.error().get()), null, null);
    }
    List<String> reasons = new ArrayList<>();
    Double age =
        fresh("forecasts", i.lastForecastIssuedAt(), limits.maxForecastAge(), now, reasons);
    return new ForecastHealth(
        degradedIf(reasons), List.copyOf(reasons), i.lastForecastIssuedAt().orElse(null), age);
  }

  /** The age in seconds of {@code last}, adding a reason when it is missing or too old. */
  private static Double fresh(
      String what, Optional<Instant> last, Duration max, Instant now, List<String> reasons) {
    if (last.isEmpty()) {
      reasons.add(what + ": no point within the look-back of " + HealthOptions.LOOK_BACK);
      return null;
    }
    Duration age = nonNegative(Duration.between(last.get(), now));
    if (age.compareTo(max) > 0) {
      reasons.add(what + ": newest point " + seconds(age) + " s old > " + seconds(max) + " s");
    }
    return seconds(age);
  }

  private static HealthStatus degradedIf(List<String> reasons) {
    return reasons.isEmpty() ? HealthStatus.UP : HealthStatus.DEGRADED;
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
