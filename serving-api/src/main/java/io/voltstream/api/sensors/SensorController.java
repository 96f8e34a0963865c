package io.voltstream.api.sensors;

import io.javalin.http.Context;
import io.voltstream.api.auth.Principal;
import io.voltstream.api.auth.Role;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.error.Problem;
import io.voltstream.api.registry.Names;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.api.route.AccessControl;
import io.voltstream.api.route.Requests;
import io.voltstream.api.route.ResourceRoutes;
import io.voltstream.api.route.RouteTable;
import io.voltstream.api.scope.ResourceScope;
import io.voltstream.api.sensors.dto.SensorRequest;
import io.voltstream.api.sensors.dto.SensorResponse;
import io.voltstream.model.EntityId;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Sensors CRUD: admin creates and deletes, admin and operator update, every role reads. A scoped
 * token lists, reads and changes only the sensors its grant covers (and may move one only into a
 * room it covers).
 */
public final class SensorController implements ResourceRoutes {
  private static final String TAG = "Sensors";
  private static final String ITEM = "/api/v1/sensors/{id}";
  private static final String TYPES =
      Arrays.stream(SensorType.values())
          .map(SensorType::wireName)
          .collect(Collectors.joining(", "));
  private final RegistryService registry;
  private final ResourceScope scope;

  public SensorController(RegistryService registry, ResourceScope scope) {
    this.registry = registry;
    this.scope = scope;
  }

  @Override
  public void registerRoutes(RouteTable routes) {
    routes
        .get("/api/v1/sensors", this::list)
        .anyRole()
        .tag(TAG)
        .summary("List sensors")
        .queryParam("room", String.class, false, "only sensors of this room")
        .response(200, SensorResponse[].class, "sensors by id");
    routes
        .post("/api/v1/sensors", this::create)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Register a sensor")
        .description("`sensor_type` is one of: " + TYPES + ". The room must exist (422 otherwise).")
        .body(SensorRequest.class)
        .response(201, SensorResponse.class, "registered")
        .response(400, Problem.class, "invalid sensor_id, room or sensor_type")
        .response(409, Problem.class, "a sensor with this id exists")
        .response(422, Problem.class, "unknown room");
    routes
        .get(ITEM, this::get)
        .anyRole()
        .tag(TAG)
        .summary("One sensor")
        .pathParam("id", "sensor id")
        .response(200, SensorResponse.class, "the sensor")
        .response(404, Problem.class, "no such sensor");
    routes
        .put(ITEM, this::update)
        .roles(Role.ADMIN, Role.OPERATOR)
        .tag(TAG)
        .summary("Update a sensor")
        .description(
            "Replaces room, type, name and dr_enabled; moving a sensor changes where its readings"
                + " are aggregated.")
        .pathParam("id", "sensor id")
        .body(SensorRequest.class)
        .response(200, SensorResponse.class, "updated")
        .response(404, Problem.class, "no such sensor")
        .response(422, Problem.class, "unknown room");
    routes
        .delete(ITEM, this::delete)
        .roles(Role.ADMIN)
        .tag(TAG)
        .summary("Delete a sensor")
        .pathParam("id", "sensor id")
        .response(204, "deleted")
        .response(404, Problem.class, "no such sensor");
  }

  void list(Context ctx) {
    String room = ctx.queryParam("room");
    var sensors =
        room == null ? registry.sensors() : registry.sensorsIn(Names.require("room", room));
    Principal p = AccessControl.principal(ctx);
    ctx.json(sensors.stream().filter(s -> scope.seesSensor(p, s)).map(this::response).toList());
  }

  void create(Context ctx) {
    Sensor req = toSensor(Requests.body(ctx, SensorRequest.class));
    if (req.sensorId() != null && req.room() != null && EntityId.isValid(req.room())) {
      scope.requireSensor(AccessControl.principal(ctx), req.sensorId(), req.room());
    }
    Sensor s = registry.createSensor(req);
    ctx.status(201).json(response(s));
  }

  void get(Context ctx) {
    Sensor s = registry.requireSensor(ctx.pathParam("id"));
    scope.requireSensor(AccessControl.principal(ctx), s.sensorId(), s.room());
    ctx.json(response(s));
  }

  void update(Context ctx) {
    Principal p = AccessControl.principal(ctx);
    Sensor current = registry.requireSensor(ctx.pathParam("id"));
    scope.requireSensor(p, current.sensorId(), current.room());
    Sensor req = toSensor(Requests.body(ctx, SensorRequest.class));
    if (req.room() != null && !req.room().equals(current.room()) && EntityId.isValid(req.room())) {
      registry
          .room(req.room())
          .ifPresent(r -> scope.requireRoom(p, r)); // moving needs the target room
    }
    Sensor s = registry.updateSensor(ctx.pathParam("id"), req);
    ctx.json(response(s));
  }

  void delete(Context ctx) {
    Sensor s = registry.requireSensor(ctx.pathParam("id"));
    scope.requireSensor(AccessControl.principal(ctx), s.sensorId(), s.room());
    registry.deleteSensor(ctx.pathParam("id"));
    ctx.status(204);
  }

  private static Sensor toSensor(SensorRequest r) {
    SensorType type = null;
    if (r.sensorType() != null) {
      type =
          SensorType.fromWireName(r.sensorType())
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "invalid sensor_type",
                          new FieldError("sensor_type", "must be one of " + TYPES)));
    }
    return new Sensor(r.sensorId(), r.room(), type, r.name(), r.drEnabled());
  }

  private SensorResponse response(Sensor s) {
    String building = registry.room(s.room()).map(RegistryService::buildingOf).orElse(null);
    return SensorResponse.from(s, building);
  }
}
