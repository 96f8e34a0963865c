package io.voltstream.api.scope;

import io.voltstream.api.auth.Principal;
import io.voltstream.api.error.ApiException;
import io.voltstream.api.registry.RegistryService;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import java.util.List;

/**
 * The one resource-scope rule of the API, used by every route and the WebSocket. A token's {@code
 * permissions} ({@code building:<id>}, {@code room:<name>}, {@code sensor:<id>}; {@code kind:*} for
 * every resource of a kind) grant downwards through the registry: a building grant covers the
 * building, its rooms and their sensors; a room grant covers the room and its sensors; a sensor
 * grant covers the sensor. Where a room or sensor sits is looked up in the registry on every check,
 * so moving a sensor moves its access too. A token without permissions is unscoped and covers
 * everything.
 *
 * <p>Two questions, asked of one resource at a time:
 *
 * <ul>
 *   <li><b>covers</b>: may the token read the resource's data and change it (it is at or below a
 *       grant);
 *   <li><b>sees</b>: may the token see the resource's registry entry: it is covered, or something
 *       below it is (so a room token finds its room's building, a sensor token its room, for
 *       navigation).
 * </ul>
 *
 * Lists and summaries are filtered to what the token sees or covers; a single resource outside the
 * scope is 403 ({@code require…}). See the serving-api README, "Scoped tokens".
 */
public final class ResourceScope {
  static final String BUILDING = "building";
  static final String ROOM = "room";
  static final String SENSOR = "sensor";

  private final RegistryService registry;

  public ResourceScope(RegistryService registry) {
    this.registry = registry;
  }

  /** True when the token has no permissions, i.e. every resource its role allows. */
  public static boolean unscoped(Principal p) {
    return p.permissions().isEmpty();
  }

  // ---- covers: data and changes

  public boolean coversBuilding(Principal p, String buildingId) {
    return unscoped(p) || granted(p, BUILDING, buildingId);
  }

  /**
   * A room, registered or not; an unregistered room belongs to no building, so only a room grant
   * covers it.
   */
  public boolean coversRoom(Principal p, String roomName) {
    if (unscoped(p) || granted(p, ROOM, roomName)) {
      return true;
    }
    return registry
        .room(roomName)
        .map(r -> coversBuilding(p, RegistryService.buildingOf(r)))
        .orElse(false);
  }

  /**
   * A room as it is or would be after a write (its building is taken from {@code r}, not the
   * registry).
   */
  public boolean coversRoom(Principal p, Room r) {
    return unscoped(p)
        || granted(p, ROOM, r.name())
        || coversBuilding(p, RegistryService.buildingOf(r));
  }

  /**
   * A sensor; its room is the registry's assignment, else {@code roomHint} (the room a device
   * claimed, may be null) for sensors that are not registered.
   */
  public boolean coversSensor(Principal p, String sensorId, String roomHint) {
    if (unscoped(p) || granted(p, SENSOR, sensorId)) {
      return true;
    }
    String room = registry.sensor(sensorId).map(Sensor::room).orElse(roomHint);
    return room != null && coversRoom(p, room);
  }

  // ---- sees: registry entries

  public boolean seesBuilding(Principal p, String buildingId) {
    return coversBuilding(p, buildingId)
        || registry.roomsIn(buildingId).stream().anyMatch(r -> seesRoom(p, r));
  }

  public boolean seesRoom(Principal p, Room r) {
    return coversRoom(p, r)
        || registry.sensorsIn(r.name()).stream()
            .anyMatch(s -> coversSensor(p, s.sensorId(), r.name()));
  }

  public boolean seesSensor(Principal p, Sensor s) {
    return coversSensor(p, s.sensorId(), s.room());
  }

  // ---- 403 for single resources

  public void requireBuilding(Principal p, String buildingId) {
    if (!coversBuilding(p, buildingId)) {
      throw outside(BUILDING, buildingId);
    }
  }

  /**
   * As {@link #requireBuilding(Principal, String)}, the 403 naming the request {@code field} that
   * carried the building (e.g. an order's {@code building}).
   */
  public void requireBuildingField(Principal p, String field, String buildingId) {
    if (!coversBuilding(p, buildingId)) {
      throw new ApiException(
          ApiException.Kind.FORBIDDEN,
          "this token may not access building '" + buildingId + "'",
          List.of(
              new io.voltstream.api.error.FieldError(
                  field, "outside this token's permissions " + p.permissions())));
    }
  }

  public void requireVisibleBuilding(Principal p, String buildingId) {
    if (!seesBuilding(p, buildingId)) {
      throw outside(BUILDING, buildingId);
    }
  }

  public void requireRoom(Principal p, String roomName) {
    if (!coversRoom(p, roomName)) {
      throw outside(ROOM, roomName);
    }
  }

  public void requireRoom(Principal p, Room r) {
    if (!coversRoom(p, r)) {
      throw outside(ROOM, r.name());
    }
  }

  public void requireVisibleRoom(Principal p, Room r) {
    if (!seesRoom(p, r)) {
      throw outside(ROOM, r.name());
    }
  }

  public void requireSensor(Principal p, String sensorId, String roomHint) {
    if (!coversSensor(p, sensorId, roomHint)) {
      throw outside(SENSOR, sensorId);
    }
  }

  /**
   * Routes whose filters select the data (data query, export, events): a scoped token must name the
   * rooms or sensors it asks for, and each must be covered. An unscoped token may name none (=
   * all).
   */
  public void requireFilters(Principal p, List<String> rooms, List<String> sensors) {
    if (unscoped(p)) {
      return;
    }
    if (rooms.isEmpty() && sensors.isEmpty()) {
      throw ApiException.forbidden(
          "this token is limited to " + p.permissions() + "; name the rooms or sensors");
    }
    rooms.forEach(r -> requireRoom(p, r));
    sensors.forEach(s -> requireSensor(p, s, null));
  }

  /**
   * Routes that manage access itself (tokens): a scoped token could otherwise mint itself a wider
   * one.
   */
  public static void requireUnscoped(Principal p, String what) {
    if (!unscoped(p)) {
      throw ApiException.forbidden("a token limited to " + p.permissions() + " may not " + what);
    }
  }

  private static boolean granted(Principal p, String kind, String id) {
    List<String> perms = p.permissions();
    return id != null && (perms.contains(kind + ":" + id) || perms.contains(kind + ":*"));
  }

  private static ApiException outside(String kind, String id) {
    return ApiException.forbidden("this token may not access " + kind + " '" + id + "'");
  }
}
