package io.voltstream.api.batteries;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.batteries.dto.BatterySummary;
import io.voltstream.api.error.Problem;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.api.query.TimeRange;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code GET /api/v1/batteries/analytics/summary} (every role): fleet and per-battery energy,
 * cycles, SoC and SoH over {@code start_time}/{@code end_time} (default the last 24 h). A scoped
 * token gets the batteries of the buildings it covers.
 */
public final class BatteryAnalyticsController implements ResourceRoutes {
  static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
  private final BatteryAnalyticsService analytics;
  private final ResourceScope scope;
  private final QueryConfig queries;
  private final Clock clock;

  public BatteryAnalyticsController(
      BatteryAnalyticsService analytics, ResourceScope scope, QueryConfig queries, Clock clock) {
    this.analytics = analytics;
    this.scope = scope;
    this.queries = queries;
    this.clock = clock;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/api/v1/batteries/analytics/summary", this::summary)
        .anyRole()
        .tag("Batteries")
        .summary("Battery fleet analytics over a window")
        .queryParam(
            TimeRange.START, String.class, false, "ISO-8601 or epoch ms; default end − 24 h")
        .queryParam(TimeRange.END, String.class, false, "ISO-8601 or epoch ms; default now")
        .response(200, BatterySummary.class, "totals and per battery")
        .response(400, Problem.class, "bad time range");
  }

  void summary(Context ctx) {
    TimeRange range =
        TimeRange.parse(
            ctx.queryParam(TimeRange.START),
            ctx.queryParam(TimeRange.END),
            DEFAULT_WINDOW,
            queries.maxRoomDataRange(),
            clock.instant());
    Principal p = AccessControl.principal(ctx);
    ctx.json(analytics.summary(range, building -> scope.coversBuilding(p, building)));
  }
}
