package io.voltstream.launcher.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The figures of one benchmark step at one target rate.
 *
 * @param targetDpS target data points per second
 * @param duration measured duration of the step
 * @param publishedDpS data points/s the MQTT broker acknowledged to the load generator
 * @param kafkaDpS data points/s that landed in Kafka {@code readings} (end-offset delta × metrics
 *     per reading)
 * @param storedDpS data points/s written to InfluxDB (points written × metrics per reading)
 * @param lag produced − stored, sampled through the step
 * @param maxCommittedLagRecords largest end − committed offset of the raw-readings job's group
 *     (committed on checkpoints only, so it saw-tooths with the checkpoint interval)
 * @param latency publish → visible in InfluxDB of the probes published in this step (empty if none
 *     seen)
 * @param probesUnseen probes of this step not visible when the step was summarised
 * @param processes CPU and RSS per process
 * @param maxTotalRssBytes largest sum of the processes' RSS at one sampling instant
 * @param maxLoadAverage largest 1-minute load average of the machine during the step
 * @param boxCpuPercent whole-machine CPU busy (all processes, incl. other users) [% of all cores]
 */
public record StepResult(
    int targetDpS,
    Duration duration,
    double publishedDpS,
    double kafkaDpS,
    double storedDpS,
    LagTrend lag,
    long maxCommittedLagRecords,
    Optional<Percentiles> latency,
    int probesUnseen,
    List<ProcessUsage> processes,
    long maxTotalRssBytes,
    double maxLoadAverage,
    double boxCpuPercent,
    StepVerdict verdict) {

  public StepResult {
    processes = List.copyOf(processes);
  }

  public boolean sustained() {
    return verdict.sustained();
  }
}
