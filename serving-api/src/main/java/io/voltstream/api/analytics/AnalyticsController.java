package io.voltstream.api.analytics;

import io.javalin.http.Context;
import io.voltstream.api.analytics.dto.DataQueryRequest;
import io.voltstream.api.analytics.dto.DataQueryResponse;
import io.voltstream.api.analytics.dto.SummaryResponse;
import io.voltstream.api.auth.AccessControl;
import io.voltstream.api.auth.Role;
import io.voltstream.api.query.Scopes;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.RouteTable;
import java.util.List;

/** {@code GET /api/v1/analytics/summary} and {@code POST /api/v1/data/query}. */
public final class AnalyticsController {

  private final SummaryService summary;
  private final DataQueryService dataQuery;

  public AnalyticsController(SummaryService summary, DataQueryService dataQuery) {
    this.summary = summary;
    this.dataQuery = dataQuery;
  }

  public void registerRoutes(RouteTable routes) {
    routes.get("/api/v1/analytics/summary", this::summary)
        .roles(Role.ADMIN, Role.OPERATOR, Role.VIEWER)
        .tag("Analytics")
        .summary("System overview")
        .description("Registry counts, sensors that reported in the last 5 minutes, open WebSocket sessions and the"
            + " latest room-metric totals.")
        .response(200, SummaryResponse.class, "the overview")
        .response(503, "InfluxDB unavailable");
    routes.post("/api/v1/data/query", this::query)
        .roles(Role.ADMIN, Role.OPERATOR, Role.VIEWER)
        .tag("Analytics")
        .summary("Aggregate readings: metrics × rooms/sensors × range × resolution × aggregate")
        .description("Reads InfluxDB readings. 400 names every malformed field; 422 when the range exceeds"
            + " VOLTSTREAM_API_MAX_RANGE_DAYS or the answer would exceed VOLTSTREAM_API_MAX_POINTS points.")
        .body(DataQueryRequest.class)
        .response(200, DataQueryResponse.class, "one series per room/sensor")
        .response(400, "malformed request")
        .response(422, "range or points over the limits")
        .response(503, "InfluxDB unavailable");
  }

  void summary(Context ctx) {
    ctx.json(summary.summary());
  }

  void query(Context ctx) {
    DataQueryRequest req = Requests.body(ctx, DataQueryRequest.class);
    Scopes.requireAccess(AccessControl.principal(ctx), req.rooms() == null ? List.of() : req.rooms(),
        req.sensors() == null ? List.of() : req.sensors());
    ctx.json(dataQuery.query(req));
  }
}
