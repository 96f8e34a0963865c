package io.voltstream.api.rooms;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.Problem;
import io.voltstream.api.registry.Names;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.rooms.dto.RoomRequest;
import io.voltstream.api.rooms.dto.RoomResponse;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.model.Room;

/**
 * Rooms CRUD: admin writes, every role reads ({@code GET /rooms/{name}/data} is the room-data
 * resource). A scoped token lists and reads the rooms it {@linkplain ResourceScope#seesRoom sees}
 * and changes only rooms its grant covers. IO only; {@link RegistryService} decides.
 */
public final class RoomController implements ResourceRoutes {
  private static final String TAG = "Rooms";
  private static final String ITEM = "/api/v1/rooms/{name}";
  private final RegistryService registry;
  private final ResourceScope scope;

  public RoomController(RegistryService registry, ResourceScope scope) {
    this.registry = registry;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/api/v1/rooms", this::list)
        .anyRole()
        .tag(TAG)
        .summary("List rooms")
        .queryParam("building", String.class, false, "only rooms of this building")
        .response(200, RoomResponse[].class, "rooms by name (a scoped token: those it sees)");
    routes
        .post("/api/v1/rooms", this::create)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Create a room")
        .description("`building` defaults to `default`; any other building must exist (422).")
        .body(RoomRequest.class)
        .response(201, RoomResponse.class, "created")
        .response(400, Problem.class, "invalid name, building or area_m2")
        .response(409, Problem.class, "a room with this name exists")
        .response(422, Problem.class, "unknown building");
    routes
        .get(ITEM, this::get)
        .anyRole()
        .tag(TAG)
        .summary("One room")
        .pathParam("name", "room name")
        .response(200, RoomResponse.class, "the room")
        .response(404, Problem.class, "no such room");
    routes
        .put(ITEM, this::update)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Replace a room's attributes")
        .pathParam("name", "room name")
        .body(RoomRequest.class)
        .response(200, RoomResponse.class, "updated")
        .response(404, Problem.class, "no such room")
        .response(422, Problem.class, "unknown building");
    routes
        .delete(ITEM, this::delete)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Delete a room")
        .pathParam("name", "room name")
        .queryParam("force", Boolean.class, false, "also delete the room's sensors")
        .response(204, "deleted")
        .response(409, Problem.class, "the room still has sensors and force is not set");
  }

  void list(Context ctx) {
    String building = ctx.queryParam("building");
    var rooms =
        building == null ? registry.rooms() : registry.roomsIn(Names.require("building", building));
    Principal p = AccessControl.principal(ctx);
    ctx.json(rooms.stream().filter(r -> scope.seesRoom(p, r)).map(this::response).toList());
  }

  void create(Context ctx) {
    Room req = Requests.body(ctx, RoomRequest.class).toRoom();
    scope.requireRoom(AccessControl.principal(ctx), req);
    Room r = registry.createRoom(req);
    ctx.status(201).json(response(r));
  }

  void get(Context ctx) {
    Room r = registry.requireRoom(ctx.pathParam("name"));
    scope.requireVisibleRoom(AccessControl.principal(ctx), r);
    ctx.json(response(r));
  }

  void update(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    scope.requireRoom(p, registry.requireRoom(ctx.pathParam("name")));
    Room req = Requests.body(ctx, RoomRequest.class).toRoom();
    scope.requireRoom(
        p, new Room(ctx.pathParam("name"), req.building(), req.areaM2())); // and where it moves to
    Room r = registry.updateRoom(ctx.pathParam("name"), req);
    ctx.json(response(r));
  }

  void delete(Context ctx) {
    scope.requireRoom(AccessControl.principal(ctx), registry.requireRoom(ctx.pathParam("name")));
    registry.deleteRoom(ctx.pathParam("name"), Requests.flag(ctx, "force"));
    ctx.status(204);
  }

  private RoomResponse response(Room r) {
    return RoomResponse.from(r, registry.sensorsIn(r.name()).size());
  }
}
