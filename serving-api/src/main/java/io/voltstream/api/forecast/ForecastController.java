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
 * with the model id and the recent accuracy. Viewer and above may read; a forecast is building-wide
 * data, so a scoped token needs a grant on the building itself (a room or sensor grant is 403).
 * Answers are cached for 30 s by the reader this service is given (forecasts change hourly).
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
              "From InfluxDB forecasts, written hourly by the forecast service; model_id names the"
                  + " model, fallback=true means the persistence ensemble stood in (fallback_reason"
                  + " says why). accuracy is the latest rolling NRMSE/skill from"
                  + " forecast_accuracy.")
          .queryParam("building", String.class, true, "building id, e.g. demo")
          .queryParam("horizon", String.class, false, "1h..24h (default 24h)")
          .queryParam("resolution", String.class, false, "1h, 3h, 6h, 12h or 1d (default 1h)")
          .response(200, ForecastResponse.class, "the forecast")
          .response(400, Problem.class, "invalid building, horizon or resolution")
          .response(403, Problem.class, "the token's scope does not cover the building")
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
    scope.requireBuilding(AccessControl.principal(ctx), building);
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
    ctx.json(service.forecast(building, target, horizon, bucket, resolution));
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
