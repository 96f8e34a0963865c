package io.voltstream.api.buildings;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.buildings.dto.BuildingRequest;
import io.voltstream.api.buildings.dto.BuildingResponse;
import io.voltstream.api.error.Problem;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.model.Building;

/**
 * Buildings CRUD: admin writes, every role reads. A scoped token lists and reads the buildings it
 * {@linkplain ResourceScope#seesBuilding sees} and changes only those its grant covers. IO only;
 * {@link RegistryService} decides.
 */
public final class BuildingController implements ResourceRoutes {
  private static final String TAG = "Buildings";
  private static final String ITEM = "/api/v1/buildings/{id}";
  private final RegistryService registry;
  private final ResourceScope scope;

  public BuildingController(RegistryService registry, ResourceScope scope) {
    this.registry = registry;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/api/v1/buildings", this::list)
        .anyRole()
        .tag(TAG)
        .summary("List buildings")
        .response(200, BuildingResponse[].class, "all buildings (a scoped token: those it sees)");
    routes
        .post("/api/v1/buildings", this::create)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Create a building")
        .body(BuildingRequest.class)
        .response(201, BuildingResponse.class, "created")
        .response(400, Problem.class, "invalid id")
        .response(422, Problem.class, "latitude, longitude or a pv field out of range")
        .response(409, Problem.class, "a building with this id exists");
    routes
        .get(ITEM, this::get)
        .anyRole()
        .tag(TAG)
        .summary("One building")
        .pathParam("id", "building id")
        .response(200, BuildingResponse.class, "the building")
        .response(404, Problem.class, "no such building");
    routes
        .put(ITEM, this::update)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Replace a building's attributes")
        .pathParam("id", "building id")
        .body(BuildingRequest.class)
        .response(200, BuildingResponse.class, "updated")
        .response(422, Problem.class, "latitude, longitude or a pv field out of range")
        .response(404, Problem.class, "no such building");
    routes
        .delete(ITEM, this::delete)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Delete a building")
        .pathParam("id", "building id")
        .queryParam("force", Boolean.class, false, "also delete its rooms and their sensors")
        .response(204, "deleted")
        .response(409, Problem.class, "the building still has rooms and force is not set");
  }

  void list(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    ctx.json(
        registry.buildings().stream()
            .filter(b -> scope.seesBuilding(p, b.id()))
            .map(this::response)
            .toList());
  }

  void create(Context ctx) {
    BuildingRequest req = Requests.body(ctx, BuildingRequest.class);
    if (req.id() != null) {
      scope.requireBuilding(AccessControl.principal(ctx), req.id());
    }
    Building b = registry.createBuilding(req.toBuilding());
    ctx.status(201).json(response(b));
  }

  void get(Context ctx) {
    Building b = registry.requireBuilding(ctx.pathParam("id"));
    scope.requireVisibleBuilding(AccessControl.principal(ctx), b.id());
    ctx.json(response(b));
  }

  void update(Context ctx) {
    scope.requireBuilding(
        AccessControl.principal(ctx), registry.requireBuilding(ctx.pathParam("id")).id());
    Building b =
        registry.updateBuilding(
            ctx.pathParam("id"), Requests.body(ctx, BuildingRequest.class).toBuilding());
    ctx.json(response(b));
  }

  void delete(Context ctx) {
    scope.requireBuilding(
        AccessControl.principal(ctx), registry.requireBuilding(ctx.pathParam("id")).id());
    registry.deleteBuilding(ctx.pathParam("id"), Requests.flag(ctx, "force"));
    ctx.status(204);
  }

  private BuildingResponse response(Building b) {
    return BuildingResponse.from(b, registry.roomsIn(b.id()).size());
  }
}
