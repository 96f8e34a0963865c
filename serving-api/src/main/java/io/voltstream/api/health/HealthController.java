package io.voltstream.api.health;

import io.javalin.http.Context;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;

/**
 * {@code GET /health}: public; 200 when Kafka and InfluxDB answer, 503 with the failing check
 * otherwise.
 */
public final class HealthController implements ResourceRoutes {
  private final HealthService health;

  public HealthController(HealthService health) {
    this.health = health;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/health", this::health)
        .publicAccess()
        .tag("Health/docs")
        .summary("Reachability of Kafka and InfluxDB")
        .response(200, HealthService.Report.class, "every dependency answers")
        .response(503, HealthService.Report.class, "a dependency does not answer");
  }

  void health(Context ctx) {
    HealthService.Report r = health.report();
    ctx.status(r.ok() ? 200 : 503).json(r);
  }
}
