package io.voltstream.api.forecast;

import io.javalin.http.Context;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.error.Problem;
import io.voltstream.api.forecast.dto.ForecastResponse;
import io.voltstream.api.query.Inputs;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/forecast/consumption} and {@code /generation}: the building's forecast for the
 * next hours (query {@code building}, {@code horizon} 1h..24h, {@code resolution} 1h|3h|6h|12h|1d),
 * with P10/P90, the model id, the production guard's score and the recent accuracy per lead band.
 * With {@code room} (consumption only) the forecast of that room's own meters. Viewer and above may
 * read; a building forecast is building-wide data, so a scoped token needs a grant on the building
 * itself (a room or sensor grant is 403); a room forecast needs a grant covering the room. Answers
 * are cached for 30 s by the reader this service is given (forecasts change hourly).
 */
public final class ForecastController implements ResourceRoutes {
  static final Map<String, Duration> RESOLUTIONS =
      Map.of(
          "1h",
          Duration.ofHours(1),
          "3h",
          Duration.ofHours(3),
          "6h",
          Duration.ofHours(6),
          "12h",
          Duration.ofHours(12),
          "1d",
          Duration.ofDays(1));

  private final ForecastQueryService service;
  private final ResourceScope scope;

  public ForecastController(ForecastQueryService service, ResourceScope scope) {
    this.service = service;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    for (String target : new String[] {"consumption", "generation"}) {
      routes
          .get("/api/v1/forecast/" + target, ctx -> forecast(ctx, target))
          .roles(Role.ADMIN, Role.OPERATOR, Role.VIEWER)
          .tag("Forecast")
          .summary("Day-ahead " + target + " forecast of a building (kWh per bucket)")
          .description(
              "From InfluxDB forecasts, written hourly by the forecast service; value_kwh is the"
                  + " point forecast (P50), p10_kwh/p90_kwh the 80 % interval when known. model_id"
                  + " names the model, fallback=true means the persistence ensemble stood in"
                  + " (fallback_reason says why; guard_baseline_better = the production guard"
                  + " found the model worse than the ensemble on the trailing 7 days, see guard)."
                  + " accuracy_by_lead is the latest rolling NRMSE/skill from forecast_accuracy per"
                  + " lead band (0-6h, 6-24h, day_ahead = 23 h lead, the hour ending 24 h after"
                  + " the forecast), each against the persistence ensemble at the same lead;"
                  + " accuracy is the day_ahead band.")
          .queryParam("building", String.class, true, "building id, e.g. demo")
          .queryParam(
              "room",
              String.class,
              false,
              "a room with its own meters (consumption only): that room's forecast")
          .queryParam("horizon", String.class, false, "1h..24h (default 24h)")
          .queryParam("resolution", String.class, false, "1h, 3h, 6h, 12h or 1d (default 1h)")
          .response(200, ForecastResponse.class, "the forecast")
          .response(400, Problem.class, "invalid building, room, horizon or resolution")
          .response(403, Problem.class, "the token's scope does not cover the building or room")
          .response(404, Problem.class, "no forecast stored for that building yet")
          .response(503, Problem.class, "InfluxDB unavailable");
    }
  }

  void forecast(Context ctx, String target) {
    String rawBuilding = ctx.queryParam("building");
    if (rawBuilding == null || rawBuilding.isBlank()) {
      throw ApiException.badRequest("missing building", new FieldError("building", "is required"));
    }
    String building = Inputs.tagValue("building", rawBuilding.trim());
    String rawRoom = ctx.queryParam("room");
    String room = null;
    if (rawRoom != null) {
      room = Inputs.tagValue("room", rawRoom.trim());
      if (!"consumption".equals(target)) {
        throw ApiException.badRequest(
            "room forecasts are consumption only",
            new FieldError("room", "only /api/v1/forecast/consumption takes a room"));
      }
      scope.requireRoom(AccessControl.principal(ctx), room);
    } else {
      scope.requireBuilding(AccessControl.principal(ctx), building);
    }
    int horizon = horizonHours(ctx.queryParam("horizon"));
    String resolution =
        ctx.queryParam("resolution") == null
            ? "1h"
            : ctx.queryParam("resolution").trim().toLowerCase(Locale.ROOT);
    Duration bucket = RESOLUTIONS.get(resolution);
    if (bucket == null) {
      throw ApiException.badRequest(
          "invalid resolution", new FieldError("resolution", "must be one of 1h, 3h, 6h, 12h, 1d"));
    }
    ctx.json(service.forecast(building, room, target, horizon, bucket, resolution));
  }

  static int horizonHours(String raw) {
    if (raw == null || raw.isBlank()) {
      return 24;
    }
    String v = raw.trim().toLowerCase(Locale.ROOT);
    try {
      int hours =
          v.endsWith("h")
              ? Integer.parseInt(v.substring(0, v.length() - 1))
              : v.equals("1d") ? 24 : Integer.parseInt(v);
      if (hours >= 1 && hours <= 24) {
        return hours;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "invalid horizon", new FieldError("horizon", "must be 1h..24h (or hours 1..24)"));
  }
}
