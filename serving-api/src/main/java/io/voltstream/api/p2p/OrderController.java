package io.voltstream.api.p2p;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.error.Problem;
import io.voltstream.api.p2p.dto.OrderAccepted;
import io.voltstream.api.p2p.dto.OrderRequest;
import io.voltstream.api.p2p.dto.OrderResponse;
import io.voltstream.api.query.Inputs;
import io.voltstream.api.query.TimeRange;
import io.voltstream.api.registry.Names;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.model.Building;
import io.voltstream.model.market.OrderOrigin;
import io.voltstream.model.market.OrderState;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * P2P orders (design §4 "P2P"): place an order ({@code POST /p2p/transactions}), list and read
 * orders with the market job's latest state, cancel before gate closure. Admin only (operator and
 * viewer 403). Orders are building-wide: a scoped token trades and reads only the buildings its
 * grant covers (403 naming {@code building}); lists show only those.
 */
public final class OrderController implements ResourceRoutes {
  static final String TAG = "P2P market";
  static final String BASE = "/api/v1/p2p";
  private static final String ORDERS = BASE + "/orders";
  private static final String ITEM = ORDERS + "/{id}";

  /** Order ids: UUIDs from the API, {@code agent-<building>-<slot>-<n>} from agents. */
  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  private static final List<String> STATES =
      Stream.concat(
              Stream.of(OrderStore.PENDING), Arrays.stream(OrderState.values()).map(Inputs::lower))
          .toList();

  private final OrderService orders;
  private final RegistryService registry;
  private final ResourceScope scope;
  private final Clock clock;

  public OrderController(
      OrderService orders, RegistryService registry, ResourceScope scope, Clock clock) {
    this.orders = orders;
    this.registry = registry;
    this.scope = scope;
    this.clock = clock;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .post(BASE + "/transactions", this::submit)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Place an order for one delivery slot (Kafka market-orders, the log of record)")
        .description(
            "Body: building, side (buy|sell), energy_kwh (0 < kWh ≤ 10000), price_eur_per_kwh"
                + " (limit, −10 … 10 €/kWh), delivery_start (ISO-8601, a 15-minute boundary whose"
                + " gate is still open, at most 7 days ahead), optional market (must be the"
                + " building's). Answered once Kafka acknowledged the order; status stays pending"
                + " until the market job reports on it.")
        .body(OrderRequest.class)
        .response(202, OrderAccepted.class, "logged: id, status pending, gate_closes_at")
        .response(400, Problem.class, "a field is missing, malformed or out of range (named)")
        .response(403, Problem.class, "the token is scoped to another building (field building)")
        .response(
            422,
            Problem.class,
            "unknown building; slot started or gate closed (delivery_start); another market")
        .response(503, Problem.class, "Kafka did not acknowledge the order in time");
    routes
        .get(ORDERS, this::list)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Orders with their latest state, newest delivery slot first")
        .queryParam("building", String.class, false, "only this building")
        .queryParam("market", String.class, false, "only this market")
        .queryParam("side", String.class, false, "buy or sell")
        .queryParam("state", String.class, false, String.join(", ", STATES))
        .queryParam("from", String.class, false, "delivery_start ≥ this (ISO-8601 or epoch ms)")
        .queryParam("to", String.class, false, "delivery_start < this (ISO-8601 or epoch ms)")
        .queryParam("origin", String.class, false, "api or agent")
        .queryParam("limit", Integer.class, false, "at most this many (default 100, max 1000)")
        .response(200, OrderResponse[].class, "orders of the buildings the token covers")
        .response(400, Problem.class, "an invalid filter (named)")
        .response(403, Problem.class, "building outside the token's scope");
    routes
        .get(ITEM, this::get)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("One order with the market job's latest state")
        .pathParam("id", "order id")
        .response(200, OrderResponse.class, "the order")
        .response(403, Problem.class, "the order's building is outside the token's scope")
        .response(404, Problem.class, "no such order (or its slot is older than 48 h)");
    routes
        .post(ITEM + "/cancel", this::cancel)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Cancel an order before its slot's gate closes (the market job confirms)")
        .pathParam("id", "order id")
        .response(202, OrderResponse.class, "cancel logged (cancel_requested_at)")
        .response(403, Problem.class, "the order's building is outside the token's scope")
        .response(404, Problem.class, "no such order")
        .response(409, Problem.class, "the order is final, its gate closed, or already cancelled")
        .response(503, Problem.class, "Kafka did not acknowledge the cancel in time");
  }

  void submit(Context ctx) {
    OrderRequest req = Requests.body(ctx, OrderRequest.class);
    Building building = OrderValidation.building(req.building(), registry::building);
    Principal p = AccessControl.principal(ctx);
    scope.requireBuildingField(p, "building", building.id());
    OrderValidation.Submit s =
        OrderValidation.submit(req, building, registry::market, clock.instant());
    OrderAccepted accepted = orders.submit(s, p.subject());
    ctx.status(202).header("Location", ORDERS + "/" + accepted.id()).json(accepted);
  }

  void list(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    String building = ctx.queryParam("building");
    if (building != null) {
      Names.require("building", building);
      scope.requireBuildingField(p, "building", building);
    }
    String market = ctx.queryParam("market");
    if (market != null) {
      Names.require("market", market);
    }
    OrderService.Filter f =
        new OrderService.Filter(
            building,
            market,
            Inputs.choice("side", ctx.queryParam("side"), OrderSide.class),
            state(ctx.queryParam("state")),
            TimeRange.parseParam("from", ctx.queryParam("from")),
            TimeRange.parseParam("to", ctx.queryParam("to")),
            Inputs.choice("origin", ctx.queryParam("origin"), OrderOrigin.class),
            Inputs.positiveInt("limit", ctx.queryParam("limit"), 100, 1000));
    ctx.json(orders.list(f, b -> scope.coversBuilding(p, b)));
  }

  void get(Context ctx) {
    ctx.json(orders.view(readable(ctx)));
  }

  void cancel(Context ctx) {
    OrderStore.Entry e = readable(ctx);
    ctx.status(202).json(orders.cancel(e, AccessControl.principal(ctx).subject()));
  }

  /** The path's order: 400 malformed id, 404 unknown, 403 outside the token's buildings. */
  private OrderStore.Entry readable(Context ctx) {
    String id = ctx.pathParam("id");
    if (!ORDER_ID.matcher(id).matches()) {
      throw ApiException.badRequest(
          "invalid id", new FieldError("id", "must be an order id ([A-Za-z0-9._:-], ≤ 200)"));
    }
    OrderStore.Entry e = orders.require(id);
    scope.requireBuildingField(AccessControl.principal(ctx), "building", e.building());
    return e;
  }

  private static String state(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.trim().toLowerCase(Locale.ROOT);
    if (!STATES.contains(s)) {
      throw ApiException.badRequest(
          "invalid state", new FieldError("state", "must be one of " + String.join(", ", STATES)));
    }
    return s;
  }
}
