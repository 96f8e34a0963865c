package io.voltstream.api.buildings;

import io.javalin.http.Context;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.Problem;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.energy.dispatch.DispatchSettings;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.model.Building;

/**
 * A building's energy settings, stored in its registry record: the dispatch strategy stack ({@link
 * DispatchSettings}) and the {@link Tariff}. Admin sets, admin and operator read (the default when
 * unset). Bodies are validated by the energy records themselves; their field-naming exceptions
 * become 400s naming the field ({@code ErrorMapping}).
 */
public final class BuildingSettingsController implements ResourceRoutes {
  private static final String TAG = "Buildings";
  private static final String DISPATCH = "/api/v1/buildings/{id}/dispatch";
  private static final String TARIFF = "/api/v1/buildings/{id}/tariff";
  private final RegistryService registry;
  private final ResourceScope scope;

  public BuildingSettingsController(RegistryService registry, ResourceScope scope) {
    this.registry = registry;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get(DISPATCH, this::getDispatch)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag(TAG)
        .summary("A building's dispatch strategy stack (the default when unset)")
        .pathParam("id", "building id")
        .response(200, DispatchSettings.class, "strategies, highest priority first, and parameters")
        .response(404, Problem.class, "no such building");
    routes
        .put(DISPATCH, this::putDispatch)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Set a building's dispatch strategy stack")
        .pathParam("id", "building id")
        .body(DispatchSettings.class)
        .response(200, DispatchSettings.class, "stored")
        .response(400, Problem.class, "an invalid field (named)")
        .response(404, Problem.class, "no such building");
    routes
        .get(TARIFF, this::getTariff)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag(TAG)
        .summary("A building's tariff (the default when unset)")
        .pathParam("id", "building id")
        .response(200, Tariff.class, "the tariff")
        .response(404, Problem.class, "no such building");
    routes
        .put(TARIFF, this::putTariff)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Set a building's tariff")
        .pathParam("id", "building id")
        .body(Tariff.class)
        .response(200, Tariff.class, "stored")
        .response(400, Problem.class, "an invalid field (named)")
        .response(404, Problem.class, "no such building");
  }

  void getDispatch(Context ctx) {
    ctx.json(building(ctx).dispatchOrDefault());
  }

  void putDispatch(Context ctx) {
    Building b = building(ctx);
    DispatchSettings settings = Requests.body(ctx, DispatchSettings.class);
    ctx.json(registry.updateBuildingSettings(b.id(), b.tariff(), settings).dispatchOrDefault());
  }

  void getTariff(Context ctx) {
    ctx.json(building(ctx).tariffOrDefault());
  }

  void putTariff(Context ctx) {
    Building b = building(ctx);
    Tariff tariff = Requests.body(ctx, Tariff.class);
    ctx.json(registry.updateBuildingSettings(b.id(), tariff, b.dispatch()).tariffOrDefault());
  }

  /** The path's building, covered by the token (a building's settings are building-wide). */
  private Building building(Context ctx) {
    Building b = registry.requireBuilding(ctx.pathParam("id"));
    scope.requireBuilding(AccessControl.principal(ctx), b.id());
    return b;
  }
}
