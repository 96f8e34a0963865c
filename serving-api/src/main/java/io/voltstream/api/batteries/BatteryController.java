package io.voltstream.api.batteries;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.batteries.dto.BatteryRequest;
import io.voltstream.api.batteries.dto.BatteryResponse;
import io.voltstream.api.batteries.dto.PowerRequest;
import io.voltstream.api.commands.dto.CommandAccepted;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.error.Problem;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.CommandStatus;
import java.time.Duration;

/**
 * Batteries: the registry (admin writes; every role reads) with each battery's latest state, and
 * manual charge/discharge commands (admin). A building-scoped token sees and commands only its
 * building's batteries. IO only: validate, call {@link BatteryService} / {@link RegistryService}.
 */
public final class BatteryController implements ResourceRoutes {
  private static final String TAG = "Batteries";
  private static final String ITEM = "/api/v1/batteries/{id}";
  static final long MAX_DURATION_S = 86_400;

  private final RegistryService registry;
  private final BatteryService batteries;
  private final ResourceScope scope;

  public BatteryController(
      RegistryService registry, BatteryService batteries, ResourceScope scope) {
    this.registry = registry;
    this.batteries = batteries;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/api/v1/batteries", this::list)
        .anyRole()
        .tag(TAG)
        .summary("Batteries with their latest state")
        .response(
            200, BatteryResponse[].class, "every battery (a scoped token: those of its buildings)");
    routes
        .post("/api/v1/batteries", this::create)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Register a battery")
        .body(BatteryRequest.class)
        .response(201, BatteryResponse.class, "created")
        .response(400, Problem.class, "a field is missing or out of range (named)")
        .response(409, Problem.class, "a battery with this id exists")
        .response(422, Problem.class, "unknown building");
    routes
        .get(ITEM, this::get)
        .anyRole()
        .tag(TAG)
        .summary("One battery with its latest state")
        .pathParam("id", "battery id")
        .response(200, BatteryResponse.class, "the battery")
        .response(404, Problem.class, "no such battery");
    routes
        .put(ITEM, this::update)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Replace a battery's spec")
        .pathParam("id", "battery id")
        .body(BatteryRequest.class)
        .response(200, BatteryResponse.class, "updated")
        .response(404, Problem.class, "no such battery");
    routes
        .delete(ITEM, this::delete)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Remove a battery from the registry")
        .pathParam("id", "battery id")
        .response(204, "deleted")
        .response(404, Problem.class, "no such battery");
    command(routes, "charge", BatteryMode.CHARGE);
    command(routes, "discharge", BatteryMode.DISCHARGE);
  }

  private void command(RouteTable routes, String verb, BatteryMode mode) {
    routes
        .post(ITEM + "/" + verb, ctx -> command(ctx, mode))
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Manually " + verb + " a battery (overrides dispatch until valid_until)")
        .pathParam("id", "battery id")
        .body(PowerRequest.class)
        .response(
            202,
            CommandAccepted.class,
            "published to Kafka commands; Location: /api/v1/commands/{id}")
        .response(
            400,
            Problem.class,
            "power_w or duration_s missing, not positive, or duration_s > 86400")
        .response(404, Problem.class, "no such battery")
        .response(422, Problem.class, "power_w beyond the battery's limit");
  }

  void list(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    ctx.json(batteries.list(building -> scope.coversBuilding(p, building)));
  }

  void create(Context ctx) {
    BatteryRequest req = Requests.body(ctx, BatteryRequest.class);
    BatterySpec spec = req.toSpec(req.id());
    scope.requireBuilding(AccessControl.principal(ctx), spec.building());
    ctx.status(201).json(BatteryResponse.from(registry.createBattery(spec), null, null));
  }

  void get(Context ctx) {
    BatterySpec b = readable(ctx);
    ctx.json(batteries.get(b));
  }

  void update(Context ctx) {
    BatterySpec old = readable(ctx);
    BatteryRequest req = Requests.body(ctx, BatteryRequest.class);
    BatterySpec spec = req.toSpec(old.id());
    if (req.id() != null && !req.id().equals(old.id())) {
      throw ApiException.badRequest(
          "id in the body differs from the path",
          new FieldError("id", "must equal the path's '" + old.id() + "' or be omitted"));
    }
    scope.requireBuilding(AccessControl.principal(ctx), spec.building());
    ctx.json(BatteryResponse.from(registry.updateBattery(old.id(), spec), null, null));
  }

  void delete(Context ctx) {
    registry.deleteBattery(readable(ctx).id());
    ctx.status(204);
  }

  void command(Context ctx, BatteryMode mode) {
    BatterySpec b = readable(ctx);
    PowerRequest req = Requests.body(ctx, PowerRequest.class);
    double powerW = positivePower(req.powerW());
    long durationS = duration(req.durationS());
    double limitW = mode == BatteryMode.CHARGE ? b.maxChargeW() : b.maxDischargeW();
    if (powerW > limitW) {
      throw ApiException.invalid(
          new FieldError(
              "power_w",
              "at most the battery's max_"
                  + mode.name().toLowerCase(java.util.Locale.ROOT)
                  + "_w ("
                  + limitW
                  + " W)"));
    }
    Principal p = AccessControl.principal(ctx);
    CommandStatus s =
        batteries.command(b, mode, powerW, Duration.ofSeconds(durationS), p.subject());
    ctx.status(202)
        .header("Location", "/api/v1/commands/" + s.commandId())
        .json(new CommandAccepted(s.commandId(), "pending", s.validUntil()));
  }

  /** The battery of the path: 400 bad id, 404 unknown, 403 outside the token's buildings. */
  private BatterySpec readable(Context ctx) {
    BatterySpec b = registry.requireBattery(ctx.pathParam("id"));
    scope.requireBuilding(AccessControl.principal(ctx), b.building());
    return b;
  }

  private static double positivePower(Double powerW) {
    if (powerW == null) {
      throw ApiException.badRequest("power_w is required", new FieldError("power_w", "required"));
    }
    if (!Double.isFinite(powerW) || powerW <= 0) {
      throw ApiException.badRequest(
          "invalid power_w", new FieldError("power_w", "must be a number > 0 [W]"));
    }
    return powerW;
  }

  private static long duration(Long durationS) {
    if (durationS == null) {
      throw ApiException.badRequest(
          "duration_s is required", new FieldError("duration_s", "required"));
    }
    if (durationS < 1 || durationS > MAX_DURATION_S) {
      throw ApiException.badRequest(
          "invalid duration_s",
          new FieldError("duration_s", "must be an integer in 1.." + MAX_DURATION_S + " [s]"));
    }
    return durationS;
  }
}
