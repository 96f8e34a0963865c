package io.voltstream.api.flexibility;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.Problem;
import io.voltstream.api.flexibility.dto.FlexibilityCurrentResponse;
import io.voltstream.api.query.Inputs;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;

/**
 * {@code GET /api/v1/demand-response/flexibility/current} (admin and operator: design §4's demand
 * response column): the latest upward and downward flexibility, now and over the next hour, per
 * building, room and device, optionally for one {@code building} and/or {@code room}, filtered to
 * what the token's scope covers (building figures need the building, room and device figures the
 * room).
 */
public final class FlexibilityController implements ResourceRoutes {
  static final String PATH = "/api/v1/demand-response/flexibility/current";
  private final FlexibilityService service;
  private final RegistryService registry;
  private final ResourceScope scope;

  public FlexibilityController(
      FlexibilityService service, RegistryService registry, ResourceScope scope) {
    this.service = service;
    this.registry = registry;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get(PATH, this::current)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag("Demand response")
        .summary("Current flexibility per building, room and device")
        .description(
            "Latest points of InfluxDB flexibility (the flexibility job, every 10 s) no older than "
                + FlexibilityService.FRESH_WITHIN.toSeconds()
                + " s. Consumption perspective, kW ≥ 0: down_* = grid import can be reduced by,"
                + " up_* = raised by; *_now_kw = immediately, *_hour_kw = mean held over the next"
                + " hour. Each figure carries its evaluation time at.")
        .queryParam("building", String.class, false, "only this building")
        .queryParam("room", String.class, false, "only this room and its devices")
        .response(200, FlexibilityCurrentResponse.class, "building → rooms → devices")
        .response(400, Problem.class, "invalid building or room name")
        .response(404, Problem.class, "unknown building or room")
        .response(503, Problem.class, "InfluxDB unavailable");
  }

  void current(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    String building = optional("building", ctx.queryParam("building"));
    String room = optional("room", ctx.queryParam("room"));
    if (building != null) {
      scope.requireVisibleBuilding(p, building);
      if (registry.building(building).isEmpty()) {
        throw ApiException.notFound("building '" + building + "' is not registered");
      }
    }
    if (room != null) {
      scope.requireRoom(p, room);
      if (registry.room(room).isEmpty()) {
        throw ApiException.notFound("room '" + room + "' is not registered");
      }
    }
    ctx.json(
        service.current(
            building, room, b -> scope.coversBuilding(p, b), r -> scope.coversRoom(p, r)));
  }

  private static String optional(String field, String value) {
    return value == null || value.isBlank() ? null : Inputs.tagValue(field, value.trim());
  }
}
