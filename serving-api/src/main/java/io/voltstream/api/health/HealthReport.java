package io.voltstream.api.health;

import io.voltstream.api.health.Observations.GroupLag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures behind {@code /health}: every component's status, why it is not {@code up}, and the
 * measured values ({@code _s} = seconds). {@code flink} is null when no Flink REST address is
 * configured, {@code forecasts} when forecast freshness is not checked.
 */
public record HealthReport(
    HealthStatus status,
    Instant checkedAt,
    KafkaHealth kafka,
    FlinkHealth flink,
    DeadLetterHealth deadLetters,
    InfluxHealth influxdb,
    ForecastHealth forecasts) {

  /** The public answer: the overall and each component's status, no figures. */
  public record Summary(
      HealthStatus status, Instant checkedAt, Map<String, HealthStatus> components) {}

  /** Consumer groups of the jobs and their lag. */
  public record KafkaHealth(
      HealthStatus status, List<String> reasons, int brokers, List<GroupLag> consumerGroups) {}

  /** The expected Flink jobs. */
  public record FlinkHealth(HealthStatus status, List<String> reasons, List<JobHealth> jobs) {}

  /**
   * One job: its state, the time since its last completed checkpoint (since its start when none
   * completed yet) and how far its event-time watermark trails the clock (null: no watermark).
   */
  public record JobHealth(
      String name,
      String state,
      HealthStatus status,
      Instant lastCheckpoint,
      Double checkpointAgeS,
      Instant watermark,
      Double watermarkLagS) {}

  /**
   * Growth of the dead-letter topic; {@code perMinute} is null until two samples are a moment
   * apart.
   */
  public record DeadLetterHealth(
      HealthStatus status, List<String> reasons, long deadLetters, Double perMinute) {}

  /** InfluxDB and the newest point of {@code readings} and {@code room_metrics}. */
  public record InfluxHealth(
      HealthStatus status,
      List<String> reasons,
      Instant lastReadingsWrite,
      Double readingsWriteAgeS,
      Instant lastRoomMetricsWrite,
      Double roomMetricsWriteAgeS) {}

  /** The newest forecast run ({@code forecasts.issued_at}). */
  public record ForecastHealth(
      HealthStatus status, List<String> reasons, Instant lastIssuedAt, Double ageS) {}

  /** HTTP status of the answer: 503 only when something is down, so degraded still serves. */
  public int httpStatus() {
    return status == HealthStatus.DOWN ? 503 : 200;
  }

  public Summary summary() {
    Map<String, HealthStatus> components = new LinkedHashMap<>();
    components.put("kafka", kafka.status());
    if (flink != null) {
      components.put("flink", flink.status());
    }
    components.put("dead_letters", deadLetters.status());
    components.put("influxdb", influxdb.status());
    if (forecasts != null) {
      components.put("forecasts", forecasts.status());
    }
    return new Summary(status, checkedAt, components);
  }
}
