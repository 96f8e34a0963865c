package io.voltstream.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.TestClock;
import io.voltstream.api.health.HealthOptions.HealthConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HealthServiceTest {
  private final AtomicInteger probes = new AtomicInteger();
  private final AtomicLong deadLetters = new AtomicLong();

  private HealthProbes fake() {
    return new HealthProbes() {
      @Override
      public Observations.Kafka kafka() {
        probes.incrementAndGet();
        return new Observations.Kafka(Optional.empty(), 1, List.of(), deadLetters.get());
      }

      @Override
      public Optional<Observations.Flink> flink() {
        return Optional.empty();
      }

      @Override
      public Observations.Influx influx() {
        return Observations.Influx.unreachable("refused");
      }
    };
  }

  @Test
  void shouldCacheProbesForTheConfiguredTime() {
    TestClock clock = new TestClock(Instant.parse("2026-11-27T08:00:00Z"));
    HealthService health =
        new HealthService(
            fake(), HealthConfig.fromEnv(Map.of(HealthOptions.CACHE.name(), "5s")), clock);

    health.report();
    clock.advance(Duration.ofSeconds(4));
    health.report();
    assertThat(probes).hasValue(1);
    clock.advance(Duration.ofSeconds(1));
    health.report();
    assertThat(probes).hasValue(2);
  }

  @Test
  void shouldFeedTheDeadLetterCounterIntoTheRate() {
    TestClock clock = new TestClock(Instant.parse("2026-11-27T08:00:00Z"));
    HealthService health =
        new HealthService(
            fake(),
            HealthConfig.fromEnv(
                Map.of(HealthOptions.CACHE.name(), "0", HealthOptions.MAX_DLQ_RATE.name(), "10")),
            clock);

    assertThat(health.report().deadLetters().perMinute()).isNull();
    deadLetters.set(30);
    clock.advance(Duration.ofSeconds(60));
    HealthReport r = health.report();

    assertThat(r.deadLetters().perMinute()).isEqualTo(30.0);
    assertThat(r.deadLetters().status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(r.influxdb().status()).isEqualTo(HealthStatus.DOWN);
    assertThat(r.status()).isEqualTo(HealthStatus.DOWN);
  }

  @Test
  void shouldReadTheThresholdsFromTheEnvironment() {
    HealthConfig c =
        HealthConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_FLINK_REST", "http://127.0.0.1:8081",
                "VOLTSTREAM_HEALTH_FLINK_JOBS", "alerts, dispatch",
                "VOLTSTREAM_HEALTH_MAX_CHECKPOINT_AGE", "90s",
                "VOLTSTREAM_HEALTH_MAX_GROUP_LAG", "5"));

    assertThat(c.flinkRest()).hasValue(java.net.URI.create("http://127.0.0.1:8081"));
    assertThat(c.expectedJobs()).containsExactly("alerts", "dispatch");
    assertThat(c.thresholds().maxCheckpointAge()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.thresholds().maxGroupLag()).isEqualTo(5);
    assertThat(c.groupPrefix()).isEqualTo("voltstream-");
    assertThat(HealthConfig.fromEnv(Map.of()).flinkRest()).isEmpty();
  }

  @Test
  void shouldReportAnUnreachableInfluxAsDown() {
    var influx = new InfluxProbe(java.net.URI.create("http://127.0.0.1:9"), "voltstream").probe();
    assertThat(influx.error()).isPresent();
  }
}
