package io.voltstream.api.events;

import io.javalin.http.Context;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.events.dto.EventsResponse;
import io.voltstream.api.query.Inputs;
import io.voltstream.api.query.TimeRange;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.model.SystemEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /api/v1/events}: alerts and system events, newest first. A scoped token must name a
 * {@code room} its grant covers (403 otherwise).
 */
public final class EventsController implements ResourceRoutes {

  static final Duration DEFAULT_SINCE = Duration.ofHours(24);
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final EventsService service;
  private final ResourceScope scope;
  private final Clock clock;

  public EventsController(EventsService service, ResourceScope scope, Clock clock) {
    this.service = service;
    this.scope = scope;
    this.clock = clock;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/api/v1/events", this::events)
        .roles(Role.ADMIN, Role.OPERATOR, Role.VIEWER)
        .tag("Events")
        .summary("Alerts and system events from InfluxDB events")
        .queryParam("room", String.class, false, "only this room")
        .queryParam("kind", String.class, false, "only this kind (e.g. co2_high)")
        .queryParam("severity", String.class, false, "info, warning or critical")
        .queryParam("since", String.class, false, "ISO-8601 or epoch ms (default: 24 h ago)")
        .queryParam(
            "limit", Integer.class, false, "1.." + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")")
        .response(200, EventsResponse.class, "events, newest first")
        .response(400, "invalid filter")
        .response(503, "InfluxDB unavailable");
  }

  void events(Context ctx) {
    Optional<String> room =
        Optional.ofNullable(ctx.queryParam("room")).map(r -> Inputs.tagValue("room", r));
    Optional<String> kind =
        Optional.ofNullable(ctx.queryParam("kind")).map(k -> Inputs.tagValue("kind", k));
    scope.requireFilters(
        AccessControl.principal(ctx), room.map(List::of).orElse(List.of()), List.of());
    Optional<SystemEvent.Severity> severity =
        Optional.ofNullable(ctx.queryParam("severity")).map(EventsController::severity);
    Instant now = clock.instant();
    Instant since =
        Optional.ofNullable(TimeRange.parseParam("since", ctx.queryParam("since")))
            .orElse(now.minus(DEFAULT_SINCE));
    int limit = Inputs.positiveInt("limit", ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
    ctx.json(service.events(new EventsQuery(room, kind, severity, since, limit)));
  }

  private static SystemEvent.Severity severity(String raw) {
    try {
      return SystemEvent.Severity.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "invalid severity", new FieldError("severity", "must be info, warning or critical"));
    }
  }
}
