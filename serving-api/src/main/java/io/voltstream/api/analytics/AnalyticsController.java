package io.voltstream.api.analytics;

import io.javalin.http.Context;
import io.voltstream.api.analytics.dto.SummaryResponse;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;

/**
 * {@code GET /api/v1/analytics/summary}: the system overview, filtered to the token's scope (a
 * scoped token counts only the sensors, rooms and buildings it sees, and sums only the rooms it
 * covers).
 */
public final class AnalyticsController implements ResourceRoutes {

  private final SummaryService summary;
  private final RegistryService registry;
  private final ResourceScope scope;

  public AnalyticsController(
      SummaryService summary, RegistryService registry, ResourceScope scope) {
    this.summary = summary;
    this.registry = registry;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/api/v1/analytics/summary", this::summary)
        .roles(Role.ADMIN, Role.OPERATOR, Role.VIEWER)
        .tag("Analytics")
        .summary("System overview")
        .description(
            "Registry counts, sensors that reported in the last 5 minutes, open WebSocket sessions"
                + " and the latest room-metric totals. A scoped token gets the same overview of its"
                + " part of the system.")
        .response(200, SummaryResponse.class, "the overview")
        .response(503, "InfluxDB unavailable");
  }

  void summary(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    if (ResourceScope.unscoped(p)) {
      ctx.json(summary.summary());
      return;
    }
    ctx.json(
        summary.summary(
            new SummaryService.Part(
                room -> room != null && scope.coversRoom(p, room),
                sensor -> sensor != null && scope.coversSensor(p, sensor, null),
                (int) registry.sensors().stream().filter(s -> scope.seesSensor(p, s)).count(),
                (int) registry.rooms().stream().filter(r -> scope.seesRoom(p, r)).count(),
                (int)
                    registry.buildings().stream()
                        .filter(b -> scope.seesBuilding(p, b.id()))
                        .count(),
                registry.batteries().stream()
                    .filter(b -> scope.coversBuilding(p, b.building()))
                    .toList(),
                (int)
                    registry.sensors().stream()
                        .filter(s -> scope.seesSensor(p, s) && Boolean.TRUE.equals(s.drEnabled()))
                        .count(),
                building -> scope.coversBuilding(p, building))));
  }
}
