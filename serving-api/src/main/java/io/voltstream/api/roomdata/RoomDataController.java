package io.voltstream.api.roomdata;

import io.javalin.http.Context;
import io.voltstream.api.auth.Role;
import io.voltstream.api.query.Inputs;
import io.voltstream.api.query.JsonResponseCache;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.api.query.Resolution;
import io.voltstream.api.query.TimeRange;
import io.voltstream.api.roomdata.dto.RoomDataResponse;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code GET /api/v1/rooms/{name}/data}: validates the name, range and resolution once, checks the
 * token covers the room (a building grant covers its rooms), then answers from the one cache of
 * this path: the serialised (and gzipped) answer, kept for {@code VOLTSTREAM_API_QUERY_CACHE_TTL}.
 */
public final class RoomDataController implements ResourceRoutes {

  static final Duration DEFAULT_SPAN = Duration.ofHours(1);

  private final RoomDataService service;
  private final QueryConfig config;
  private final Clock clock;
  private final ResourceScope scope;
  private final JsonResponseCache cache;

  public RoomDataController(
      RoomDataService service, ResourceScope scope, QueryConfig config, Clock clock) {
    this.service = service;
    this.scope = scope;
    this.config = config;
    this.clock = clock;
    this.cache = new JsonResponseCache(config.cacheTtl(), 10_000, clock);
  }

  /** Hits and misses of this controller's response cache. */
  public JsonResponseCache.Stats cacheStats() {
    return cache.stats();
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/api/v1/rooms/{name}/data", this::data)
        .roles(Role.ADMIN, Role.OPERATOR, Role.VIEWER)
        .tag("Rooms")
        .summary("A room's time series and current values")
        .description(
            "From InfluxDB room_metrics (one-minute windows) re-aggregated to the resolution:"
                + " energy and generation [kWh] summed, power [W] mean and max, CO2 [ppm],"
                + " temperature [°C], humidity [%] means. current = latest one-minute window in the"
                + " range; flexibility_kw = the room's down_now_kw (InfluxDB flexibility; null"
                + " without data); cost [EUR] = the windows' net energy (energy − generation) at"
                + " the building tariff: import price when > 0, feed-in price when < 0. 404 when"
                + " the room is neither registered nor has data in the range. Answers are cached"
                + " for VOLTSTREAM_API_QUERY_CACHE_TTL.")
        .pathParam("name", "room name")
        .queryParam(
            "start_time",
            String.class,
            false,
            "ISO-8601 instant or epoch ms (default: end_time - 1 h)")
        .queryParam("end_time", String.class, false, "ISO-8601 instant or epoch ms (default: now)")
        .queryParam(
            "resolution",
            String.class,
            false,
            "bucket size, one of " + Resolution.allowed() + " (default 1m)")
        .response(200, RoomDataResponse.class, "series, current values and totals")
        .response(400, "invalid name, time or resolution")
        .response(404, "unknown room without data")
        .response(422, "range too long or too many points")
        .response(503, "InfluxDB unavailable");
  }

  void data(Context ctx) {
    String name = Inputs.tagValue("name", ctx.pathParam("name"));
    scope.requireRoom(AccessControl.principal(ctx), name);
    TimeRange range =
        TimeRange.parse(
            ctx.queryParam("start_time"),
            ctx.queryParam("end_time"),
            DEFAULT_SPAN,
            config.maxRoomDataRange(),
            clock.instant());
    Resolution resolution =
        Resolution.parse("resolution", ctx.queryParam("resolution"), Resolution.ONE_MINUTE);
    String key = name + '|' + range.start() + '|' + range.end() + '|' + resolution.wireName();
    JsonResponseCache.Encoded answer =
        cache.get(key, () -> service.roomData(name, range, resolution));
    ctx.header("Vary", "Accept-Encoding");
    String accept = ctx.header("Accept-Encoding");
    if (accept != null && accept.contains("gzip")) {
      ctx.header("Content-Encoding", "gzip").contentType("application/json").result(answer.gzip());
    } else {
      ctx.contentType("application/json").result(answer.json());
    }
  }
}
