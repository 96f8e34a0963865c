package io.voltstream.api.health;

import io.voltstream.api.health.HealthOptions.HealthConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Produces the {@link HealthReport} for {@code /health}: probes Kafka, Flink and InfluxDB, feeds
 * the dead-letter counter to {@link DeadLetterRate} and judges the figures with {@link
 * HealthEvaluator}. Reports are reused for {@code cache} so a polling load balancer cannot turn
 * health checks into load on the servers.
 */
public final class HealthService {
  private final HealthProbes probes;
  private final HealthConfig config;
  private final HealthEvaluator evaluator;
  private final DeadLetterRate deadLetterRate;
  private final Clock clock;
  private Instant cachedAt = Instant.MIN;
  private HealthReport cached;

  public HealthService(HealthProbes probes, HealthConfig config, Clock clock) {
    this.probes = probes;
    this.config = config;
    this.evaluator = new HealthEvaluator(config.thresholds());
    this.deadLetterRate = new DeadLetterRate(config.deadLetterWindow());
    this.clock = clock;
  }

  public HealthConfig config() {
    return config;
  }

  public synchronized HealthReport report() {
    Instant now = clock.instant();
    Duration cache = config.cache();
    if (cached != null && now.isBefore(cachedAt.plus(cache))) {
      return cached;
    }
    Observations.Kafka kafka = probes.kafka();
    Optional<Observations.Flink> flink = probes.flink();
    Observations.Influx influx = probes.influx();
    Instant probedAt = clock.instant();
    Optional<Double> perMinute =
        kafka.error().isPresent()
            ? Optional.empty()
            : deadLetterRate.record(probedAt, kafka.deadLetters());
    cached =
        evaluator.evaluate(
            new HealthEvaluator.Inputs(kafka, flink, config.expectedJobs(), perMinute, influx),
            probedAt);
    cachedAt = now;
    return cached;
  }
}
