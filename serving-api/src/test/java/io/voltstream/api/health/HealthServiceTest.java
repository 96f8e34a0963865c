package io.voltstream.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthServiceTest {
  private final AtomicInteger probes = new AtomicInteger();

  private HealthCheck check(String name, boolean up) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Status probe() {
        probes.incrementAndGet();
        return new Status(up, up ? "fine" : "unreachable");
      }
    };
  }

  @Test
  void shouldBeOkOnlyWhenEveryCheckIsUp() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);

    var ok =
        new HealthService(List.of(check("kafka", true), check("influxdb", true)), clock).report();
    var degraded =
        new HealthService(List.of(check("kafka", true), check("influxdb", false)), clock).report();

    assertThat(ok.status()).isEqualTo("ok");
    assertThat(degraded.status()).isEqualTo("degraded");
    assertThat(degraded.checks().get("influxdb").detail()).isEqualTo("unreachable");
  }

  @Test
  void shouldCacheProbesBriefly() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);
    HealthService health = new HealthService(List.of(check("kafka", true)), clock);

    health.report();
    health.report();

    assertThat(probes).hasValue(1);
  }

  @Test
  void shouldReportAnUnreachableInfluxAsDown() {
    var status = new InfluxHealthCheck(java.net.URI.create("http://127.0.0.1:9")).probe();
    assertThat(status.up()).isFalse();
  }
}
