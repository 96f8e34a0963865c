package io.voltstream.api.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Probes the API's dependencies (Kafka, InfluxDB) for {@code GET /health}. Results are cached
 * briefly so a polling load balancer cannot turn health checks into load on Kafka.
 */
public final class HealthService {
  private static final Duration CACHE = Duration.ofSeconds(2);

  private final List<HealthCheck> checks;
  private final Clock clock;
  private Instant cachedAt = Instant.MIN;
  private Report cached;

  public HealthService(List<HealthCheck> checks, Clock clock) {
    this.checks = List.copyOf(checks);
    this.clock = clock;
  }

  /** Overall status ({@code ok} when every check is up, else {@code degraded}) and each check. */
  public record Report(String status, Instant checkedAt, Map<String, HealthCheck.Status> checks) {
    public boolean ok() {
      return "ok".equals(status);
    }
  }

  public synchronized Report report() {
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cachedAt.plus(CACHE))) {
      return cached;
    }
    Map<String, HealthCheck.Status> results = new LinkedHashMap<>();
    boolean up = true;
    for (HealthCheck c : checks) {
      HealthCheck.Status s = c.probe();
      results.put(c.name(), s);
      up &= s.up();
    }
    cached = new Report(up ? "ok" : "degraded", now, results);
    cachedAt = now;
    return cached;
  }
}
