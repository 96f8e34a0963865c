package io.voltstream.api.health;

import io.javalin.http.Context;
import io.voltstream.api.auth.Role;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;

/**
 * {@code GET /health}: public, for load balancers — the overall and each component's {@code
 * up|degraded|down}, no figures; {@code GET /api/v1/health}: the same judgement with the figures
 * behind it and the reasons, for admins and operators with an unscoped token (consumer groups, job
 * names and data freshness describe the whole deployment, not one building). Both answer 200 when
 * up or degraded (the API still serves) and 503 when a component is down.
 */
public final class HealthController implements ResourceRoutes {
  private static final String STATUS_TEXT =
      " 200 when every component is up or degraded, 503 when one is down. Components: kafka"
          + " (reachable; consumer lag of the jobs' groups), flink (each expected job RUNNING;"
          + " checkpoint age; event-time watermark lag; only with VOLTSTREAM_FLINK_REST),"
          + " dead_letters (growth of readings.dlq per minute), influxdb (reachable; age of the"
          + " newest readings and room_metrics point), forecasts (age of the newest forecast run)."
          + " Thresholds: VOLTSTREAM_HEALTH_* (README, Health). Cached for"
          + " VOLTSTREAM_HEALTH_CACHE.";

  private final HealthService health;

  public HealthController(HealthService health) {
    this.health = health;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/health", this::summary)
        .publicAccess()
        .tag("Health/docs")
        .summary("Status of the platform's components, without figures (no token)")
        .description("Public, for load balancers." + STATUS_TEXT)
        .response(200, HealthReport.Summary.class, "every component up or degraded")
        .response(503, HealthReport.Summary.class, "a component is down");
    routes
        .get("/api/v1/health", this::details)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag("Health/docs")
        .summary("Status of the platform's components with the figures and reasons behind it")
        .description(
            "Lag per consumer group, checkpoint age and watermark lag per job, dead letters per"
                + " minute, newest InfluxDB writes, newest forecast run; reasons name each"
                + " threshold crossed. Needs an unscoped token (the figures are platform-wide)."
                + STATUS_TEXT)
        .response(200, HealthReport.class, "every component up or degraded")
        .response(503, HealthReport.class, "a component is down");
  }

  void summary(Context ctx) {
    HealthReport r = health.report();
    ctx.status(r.httpStatus()).json(r.summary());
  }

  void details(Context ctx) {
    ResourceScope.requireUnscoped(AccessControl.principal(ctx), "read the platform's health");
    HealthReport r = health.report();
    ctx.status(r.httpStatus()).json(r);
  }
}
