package io.voltstream.api.registry;

import io.voltstream.api.auth.Principal;
import io.voltstream.api.error.ApiException;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;

/**
 * What a token with resource permissions may see and change in the registry: a
 * {@code building:<id>} grant covers its rooms and their sensors, a {@code room:<name>} grant covers
 * the room and its sensors, a {@code sensor:<id>} grant the sensor. Tokens without permissions see
 * everything their role allows. Out-of-scope items are 403 for direct access and left out of lists.
 */
public final class RegistryScope {
  private final RegistryService registry;

  public RegistryScope(RegistryService registry) {
    this.registry = registry;
  }

  public boolean building(Principal p, String id) {
    return p.permissions().isEmpty() || p.mayAccess("building", id)
        || registry.roomsIn(id).stream().anyMatch(r -> room(p, r));
  }

  public boolean room(Principal p, Room r) {
    return p.permissions().isEmpty() || p.mayAccess("room", r.name())
        || p.mayAccess("building", RegistryService.buildingOf(r));
  }

  public boolean sensor(Principal p, Sensor s) {
    return p.permissions().isEmpty() || p.mayAccess("sensor", s.sensorId())
        || registry.room(s.room()).map(r -> room(p, r)).orElse(false);
  }

  public void requireBuilding(Principal p, String id) {
    if (!p.permissions().isEmpty() && !p.mayAccess("building", id) && !building(p, id)) {
      throw ApiException.forbidden("this token may not access building '" + id + "'");
    }
  }

  public void requireRoom(Principal p, Room r) {
    if (!room(p, r)) {
      throw ApiException.forbidden("this token may not access room '" + r.name() + "'");
    }
  }

  public void requireSensor(Principal p, Sensor s) {
    if (!sensor(p, s)) {
      throw ApiException.forbidden("this token may not access sensor '" + s.sensorId() + "'");
    }
  }
}
