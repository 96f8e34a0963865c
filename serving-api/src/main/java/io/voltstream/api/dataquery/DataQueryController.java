package io.voltstream.api.dataquery;

import io.javalin.http.Context;
import io.voltstream.api.auth.Role;
import io.voltstream.api.dataquery.dto.DataQueryRequest;
import io.voltstream.api.dataquery.dto.DataQueryResponse;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import java.util.List;

/**
 * {@code POST /api/v1/data/query}: ad-hoc aggregates over raw readings. A scoped token must name
 * the rooms or sensors it queries, each covered by its grant (403 otherwise).
 */
public final class DataQueryController implements ResourceRoutes {

  private final DataQueryService service;
  private final ResourceScope scope;

  public DataQueryController(DataQueryService service, ResourceScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .post("/api/v1/data/query", this::query)
        .roles(Role.ADMIN, Role.OPERATOR, Role.VIEWER)
        .tag("Analytics")
        .summary("Aggregate readings: metrics × rooms/sensors × range × resolution × aggregate")
        .description(
            "Reads InfluxDB readings. 400 names every malformed field; 422 when the range exceeds"
                + " VOLTSTREAM_API_MAX_RANGE or the answer would exceed VOLTSTREAM_API_MAX_POINTS"
                + " points.")
        .body(DataQueryRequest.class)
        .response(200, DataQueryResponse.class, "one series per room/sensor")
        .response(400, "malformed request")
        .response(403, "a scoped token named no rooms/sensors, or one outside its scope")
        .response(422, "range or points over the limits")
        .response(503, "InfluxDB unavailable");
  }

  void query(Context ctx) {
    DataQueryRequest req = Requests.body(ctx, DataQueryRequest.class);
    scope.requireFilters(
        AccessControl.principal(ctx),
        req.rooms() == null ? List.of() : req.rooms(),
        req.sensors() == null ? List.of() : req.sensors());
    ctx.json(service.query(req));
  }
}
