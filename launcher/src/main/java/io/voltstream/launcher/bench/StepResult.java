package io.voltstream.launcher.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The figures of one benchmark step at one target rate.
 *
 * @param targetDpS target data points per second
 * @param metricsPerReading data points per reading (readings/s = data points/s ÷ this)
 * @param duration measured duration of the step
 * @param publishedDpS data points/s the MQTT broker acknowledged to the load generator
 * @param kafkaDpS data points/s that landed in Kafka {@code readings} (end-offset delta × metrics
 *     per reading; includes the probes', the simulators' and redelivered records)
 * @param storedDpS load readings InfluxDB holds with event time inside the step (distinct reading
 *     ids: duplicates do not count) × metrics per reading, per second
 * @param lag broker queue + ingest in flight + the slowest job's Kafka lag, sampled through the
 *     step
 * @param brokerQueue messages mosquitto holds beyond its idle count, sampled through the step
 * @param maxGroupLagRecords largest Kafka lag of any job's consumer group in the step
 * @param slowestGroup the group that had it
 * @param latency MQTT publish → visible in InfluxDB of this step's probes, unseen ones as failures
 * @param webSocketLatency MQTT publish → received on a WebSocket of this step's probes (empty when
 *     the stack runs no API)
 * @param processes CPU and RSS per process
 * @param maxTotalRssBytes largest sum of the processes' RSS at one sampling instant
 * @param maxLoadAverage largest 1-minute load average of the machine during the step
 * @param boxCpuPercent whole-machine CPU busy (all processes, incl. other users) [% of all cores]
 */
public record StepResult(
    int targetDpS,
    int metricsPerReading,
    Duration duration,
    double publishedDpS,
    double kafkaDpS,
    double storedDpS,
    LagTrend lag,
    LagTrend brokerQueue,
    long maxGroupLagRecords,
    String slowestGroup,
    Percentiles latency,
    Optional<Percentiles> webSocketLatency,
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

  /** Stored readings per second. */
  public double storedReadingsPerS() {
    return storedDpS / metricsPerReading;
  }
}
