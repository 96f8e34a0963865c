package io.voltstream.api.p2p;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.error.Problem;
import io.voltstream.api.p2p.dto.MarketRequest;
import io.voltstream.api.p2p.dto.MarketResponse;
import io.voltstream.api.p2p.dto.MarketStatusResponse;
import io.voltstream.api.p2p.dto.SettlementResponse;
import io.voltstream.api.p2p.dto.TradeResponse;
import io.voltstream.api.query.Inputs;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.api.query.TimeRange;
import io.voltstream.api.registry.Names;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteBuilder;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.model.Building;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The P2P market's read side and configuration: a market's status (open books, last clearing, 24 h
 * volume, participants), trades and settlements from InfluxDB, and the markets in the registry.
 * Admin only. Scope: trades where a covered building is buyer or seller, settlements of covered
 * buildings, the status and markets of markets a covered building is a member of; configuring a
 * market (it concerns every member) needs an unscoped token.
 */
public final class MarketController implements ResourceRoutes {
  private static final String TAG = OrderController.TAG;
  private static final String BASE = OrderController.BASE;
  private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  private final MarketService markets;
  private final MarketReader reader;
  private final RegistryService registry;
  private final ResourceScope scope;
  private final QueryConfig config;
  private final Clock clock;

  public MarketController(
      MarketService markets,
      MarketReader reader,
      RegistryService registry,
      ResourceScope scope,
      QueryConfig config,
      Clock clock) {
    this.markets = markets;
    this.reader = reader;
    this.registry = registry;
    this.scope = scope;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get(BASE + "/market/status", this::status)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("A market's open slots and book depth, last clearing, 24 h volume, participants")
        .queryParam("market", String.class, false, "market id (default community)")
        .response(200, MarketStatusResponse.class, "the status")
        .response(403, Problem.class, "the token covers no member of the market")
        .response(404, Problem.class, "no such market (field market)");
    slotWindow(routes.get(BASE + "/trades", this::trades))
        .summary("Trades (InfluxDB market_trades), newest slot first")
        .queryParam("market", String.class, false, "only this market")
        .queryParam("building", String.class, false, "only trades where it buys or sells")
        .response(200, TradeResponse[].class, "trades of the buildings the token covers");
    slotWindow(routes.get(BASE + "/settlements", this::settlements))
        .summary("Settlements per building and slot (InfluxDB settlements), newest slot first")
        .queryParam("building", String.class, false, "only this building")
        .response(200, SettlementResponse[].class, "settlements of the buildings the token covers");
    routes
        .get(BASE + "/markets", this::list)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Markets (registry market:<id>, plus the default community market)")
        .response(200, MarketResponse[].class, "markets a covered building belongs to");
    routes
        .put(BASE + "/markets/{id}", this::put)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Create or replace a market (registry market:<id>); read by the market job")
        .pathParam("id", "market id")
        .body(MarketRequest.class)
        .response(200, MarketResponse.class, "stored")
        .response(400, Problem.class, "an invalid field (named)")
        .response(403, Problem.class, "a scoped token may not configure markets");
  }

  /** Roles, tag, and the window and limit parameters shared by trades and settlements. */
  private static RouteBuilder slotWindow(RouteBuilder b) {
    return b.roles(Role.ADMIN)
        .tag(TAG)
        .queryParam(
            "from", String.class, false, "slot ≥ this (ISO-8601 or epoch ms; default: 24 h before)")
        .queryParam("to", String.class, false, "slot < this (default now + 7 days)")
        .queryParam("limit", Integer.class, false, "at most this many (default 100, max 10000)")
        .response(400, Problem.class, "an invalid filter (named)")
        .response(403, Problem.class, "building outside the token's scope");
  }

  void status(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    String id = ctx.queryParam("market");
    id = id == null || id.isBlank() ? MarketSpec.DEFAULT_ID : Names.require("market", id);
    MarketSpec market = markets.require("market", id);
    if (!ResourceScope.unscoped(p)
        && registry.membersOf(market.id()).stream().noneMatch(b -> covers(p, b))) {
      throw new ApiException(
          ApiException.Kind.FORBIDDEN,
          "this token covers no member of market '" + market.id() + "'",
          List.of(new FieldError("market", "no member building in " + p.permissions())));
    }
    ctx.json(markets.status(market, b -> scope.coversBuilding(p, b)));
  }

  void trades(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    String market = ctx.queryParam("market");
    if (market != null) {
      Inputs.tagValue("market", market);
    }
    TimeRange range = range(ctx);
    ctx.json(reader.trades(market, buildings(ctx, p), range.start(), range.end(), limit(ctx)));
  }

  void settlements(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    TimeRange range = range(ctx);
    ctx.json(reader.settlements(buildings(ctx, p), range.start(), range.end(), limit(ctx)));
  }

  void list(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    if (ResourceScope.unscoped(p)) {
      ctx.json(markets.list(m -> true));
      return;
    }
    List<String> memberOf =
        registry.buildings().stream()
            .filter(b -> covers(p, b))
            .map(b -> b.marketOrDefault().market())
            .toList();
    ctx.json(markets.list(memberOf::contains));
  }

  void put(Context ctx) {
    ResourceScope.requireUnscoped(AccessControl.principal(ctx), "configure markets");
    String id = Names.require("id", ctx.pathParam("id"));
    ctx.json(markets.put(id, Requests.body(ctx, MarketRequest.class)));
  }

  /**
   * The buildings whose rows the caller gets: {@code ?building=} (checked and covered, else 403
   * naming it), else every covered building (null = all, for an unscoped token).
   */
  private List<String> buildings(Context ctx, Principal p) {
    String building = ctx.queryParam("building");
    if (building != null) {
      Inputs.tagValue("building", building);
      scope.requireBuildingField(p, "building", building);
      return List.of(building);
    }
    if (ResourceScope.unscoped(p)) {
      return null;
    }
    return registry.buildings().stream().filter(b -> covers(p, b)).map(Building::id).toList();
  }

  private boolean covers(Principal p, Building b) {
    return scope.coversBuilding(p, b.id());
  }

  /**
   * {@code from}/{@code to} over slot starts. Without {@code to}: up to now + 7 days (continuous
   * pay-as-bid markets trade slots still to come) from now − 24 h; with it: from {@code to} − 24 h.
   */
  private TimeRange range(Context ctx) {
    boolean openEnded = ctx.queryParam("to") == null || ctx.queryParam("to").isBlank();
    Duration ahead = openEnded ? OrderValidation.MAX_AHEAD : Duration.ZERO;
    return TimeRange.parse(
        "from",
        ctx.queryParam("from"),
        "to",
        ctx.queryParam("to"),
        DEFAULT_WINDOW.plus(ahead),
        config.maxRoomDataRange(),
        clock.instant().plus(ahead));
  }

  private static int limit(Context ctx) {
    return Inputs.positiveInt("limit", ctx.queryParam("limit"), 100, 10_000);
  }
}
