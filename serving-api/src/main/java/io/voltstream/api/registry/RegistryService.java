package io.voltstream.api.registry;

import io.voltstream.api.error.ApiException;
import io.voltstream.api.error.FieldError;
import io.voltstream.api.store.ReplicatedMap;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.dispatch.DispatchSettings;
import io.voltstream.energy.dr.DrSettings;
import io.voltstream.energy.market.MarketMembership;
import io.voltstream.energy.market.MarketSpec;
import io.voltstream.energy.tariff.Tariff;
import io.voltstream.model.Building;
import io.voltstream.model.EntityId;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Buildings, rooms, sensors and batteries over the compacted {@code registry} topic that the Flink
 * jobs read. Reads come from the materialised view; writes produce to the topic and return once the
 * view shows them. Writes on one instance are serialised so its checks (duplicates, references) see
 * each other; two instances racing on the same name is last-writer-wins (see README).
 *
 * <p>Errors: an invalid identifier is 400, an unknown referenced room/building is 422 naming the
 * field, a duplicate or a delete that would orphan children is 409, a missing entity is 404.
 */
public final class RegistryService {
  private final ReplicatedMap<Object> registry;
  private final Clock clock;

  public RegistryService(ReplicatedMap<Object> registry) {
    this(registry, Clock.systemUTC());
  }

  /**
   * @param clock stamps when a sensor's room or a room's building changes (the versioned registry:
   *     stream-jobs README)
   */
  public RegistryService(ReplicatedMap<Object> registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  // ---- reads

  public List<Building> buildings() {
    return values(Building.class).sorted(Comparator.comparing(Building::id)).toList();
  }

  public Optional<Building> building(String id) {
    return registry
        .get(RegistryKey.building(id).encode())
        .filter(Building.class::isInstance)
        .map(Building.class::cast);
  }

  public List<Room> rooms() {
    return values(Room.class).sorted(Comparator.comparing(Room::name)).toList();
  }

  public Optional<Room> room(String name) {
    return registry
        .get(RegistryKey.room(name).encode())
        .filter(Room.class::isInstance)
        .map(Room.class::cast);
  }

  public List<Room> roomsIn(String buildingId) {
    return rooms().stream().filter(r -> buildingId.equals(buildingOf(r))).toList();
  }

  public List<Sensor> sensors() {
    return values(Sensor.class).sorted(Comparator.comparing(Sensor::sensorId)).toList();
  }

  public Optional<Sensor> sensor(String id) {
    return registry
        .get(RegistryKey.sensor(id).encode())
        .filter(Sensor.class::isInstance)
        .map(Sensor.class::cast);
  }

  public List<Sensor> sensorsIn(String roomName) {
    return sensors().stream().filter(s -> roomName.equals(s.room())).toList();
  }

  /** The room's building, {@code default} when the room has none. */
  public static String buildingOf(Room r) {
    return r.building() == null ? Building.DEFAULT_ID : r.building();
  }

  private <T> java.util.stream.Stream<T> values(Class<T> type) {
    Map<String, Object> snap = registry.snapshot();
    return snap.values().stream().filter(type::isInstance).map(type::cast);
  }

  // ---- any entity by registry key (for resources that keep their own rules, e.g. automation
  // rules)

  /** The entity under {@code key} when it is a {@code type}. */
  public <T> Optional<T> entry(RegistryKey key, Class<T> type) {
    return registry.get(key.encode()).filter(type::isInstance).map(type::cast);
  }

  /** Every entity of {@code type}, in no particular order. */
  public <T> List<T> entries(Class<T> type) {
    return values(type).toList();
  }

  /** Writes {@code value} under {@code key}; returns once this instance's view shows it. */
  public void putEntry(RegistryKey key, Object value) {
    registry.put(key.encode(), value);
  }

  /** Deletes the entity under {@code key} (a tombstone); returns once the view no longer has it. */
  public void removeEntry(RegistryKey key) {
    registry.remove(key.encode());
  }

  // ---- buildings

  public synchronized Building createBuilding(Building b) {
    Names.require("id", b.id());
    if (building(b.id()).isPresent()) {
      throw ApiException.conflict("building '" + b.id() + "' already exists");
    }
    requireKnownMarket(b.market());
    requireValidLocationAndPv(b);
    registry.put(RegistryKey.building(b.id()).encode(), b);
    return b;
  }

  public synchronized Building updateBuilding(String id, Building b) {
    requireBuilding(id);
    requireSameId("id", id, b.id());
    Building old = requireBuilding(id);
    requireKnownMarket(b.market());
    requireValidLocationAndPv(b);
    // A PUT of the attributes (PV system included) keeps the settings (tariff, dispatch), which
    // have their own routes, and the market membership unless the body names one.
    Building updated =
        withSettings(
            new Building(
                id,
                b.name(),
                b.address(),
                b.latitude(),
                b.longitude(),
                null,
                null,
                null,
                null,
                b.pv()),
            old.tariff(),
            old.dispatch(),
            old.demandResponse(),
            b.market() != null ? b.market() : old.market());
    registry.put(RegistryKey.building(id).encode(), updated);
    return updated;
  }

  /**
   * Deletes a building; with rooms or batteries in it this is 409 unless {@code force}, which
   * deletes them too.
   */
  public synchronized void deleteBuilding(String id, boolean force) {
    requireBuilding(id);
    List<Room> rooms = roomsIn(id);
    List<BatterySpec> batteries =
        batteries().stream().filter(b -> id.equals(b.building())).toList();
    if ((!rooms.isEmpty() || !batteries.isEmpty()) && !force) {
      throw ApiException.conflict(
          "building '"
              + id
              + "' still has "
              + rooms.size()
              + " room(s) and "
              + batteries.size()
              + " battery(ies); delete them first or use ?force=true");
    }
    for (Room r : rooms) {
      deleteRoomAndSensors(r.name());
    }
    for (BatterySpec b : batteries) {
      registry.remove(RegistryKey.battery(b.id()).encode());
    }
    registry.remove(RegistryKey.building(id).encode());
  }

  /** Replaces a building's tariff and dispatch settings ({@code null} = the documented default). */
  public synchronized Building updateBuildingSettings(
      String id, Tariff tariff, DispatchSettings dispatch) {
    Building b = requireBuilding(id);
    Building updated = withSettings(b, tariff, dispatch, b.demandResponse(), b.market());
    registry.put(RegistryKey.building(id).encode(), updated);
    return updated;
  }

  /** Replaces a building's demand-response settings ({@code null} = the documented default). */
  public synchronized Building updateDemandResponse(String id, DrSettings demandResponse) {
    Building b = requireBuilding(id);
    Building updated = withSettings(b, b.tariff(), b.dispatch(), demandResponse, b.market());
    registry.put(RegistryKey.building(id).encode(), updated);
    return updated;
  }

  /** {@code b}'s attributes with these energy settings and market membership. */
  private static Building withSettings(
      Building b,
      Tariff tariff,
      DispatchSettings dispatch,
      DrSettings demandResponse,
      MarketMembership market) {
    return new Building(
        b.id(),
        b.name(),
        b.address(),
        b.latitude(),
        b.longitude(),
        tariff,
        dispatch,
        demandResponse,
        market,
        b.pv());
  }

  /**
   * Latitude −90..90 and longitude −180..180 when given; a PV system needs both (the forecast
   * places the sun by them) and valid fields ({@link PvSystem#violations}); else 422 naming them.
   */
  private static void requireValidLocationAndPv(Building b) {
    List<FieldError> errors = new ArrayList<>();
    if (b.latitude() != null && !(b.latitude() >= -90 && b.latitude() <= 90)) {
      errors.add(new FieldError("latitude", "must be from -90 to 90"));
    }
    if (b.longitude() != null && !(b.longitude() >= -180 && b.longitude() <= 180)) {
      errors.add(new FieldError("longitude", "must be from -180 to 180"));
    }
    if (b.pv() != null) {
      b.pv().violations().forEach((field, msg) -> errors.add(new FieldError("pv." + field, msg)));
      if (b.latitude() == null) {
        errors.add(new FieldError("latitude", "required with pv"));
      }
      if (b.longitude() == null) {
        errors.add(new FieldError("longitude", "required with pv"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors.toArray(FieldError[]::new));
    }
  }

  // ---- markets (managed at /p2p/markets; a building's membership is Building.market)

  /** Every registered market, by id (the default market is not listed unless registered). */
  public List<MarketSpec> markets() {
    return values(MarketSpec.class).sorted(Comparator.comparing(MarketSpec::id)).toList();
  }

  /**
   * A market: the registered one, or {@link MarketSpec#defaults()} for the default id when it is
   * not registered (every building belongs to it unless its record names another).
   */
  public Optional<MarketSpec> market(String id) {
    Optional<MarketSpec> registered =
        registry
            .get(RegistryKey.market(id).encode())
            .filter(MarketSpec.class::isInstance)
            .map(MarketSpec.class::cast);
    if (registered.isEmpty() && MarketSpec.DEFAULT_ID.equals(id)) {
      return Optional.of(MarketSpec.defaults());
    }
    return registered;
  }

  /** Writes a market's spec (new or replaced); returns once this instance's view shows it. */
  public synchronized MarketSpec putMarket(MarketSpec spec) {
    Names.require("id", spec.id());
    registry.put(RegistryKey.market(spec.id()).encode(), spec);
    return spec;
  }

  /** The buildings whose membership ({@link Building#marketOrDefault()}) names {@code marketId}. */
  public List<Building> membersOf(String marketId) {
    return buildings().stream().filter(b -> b.marketOrDefault().market().equals(marketId)).toList();
  }

  /** A membership must name a registered market or the default one (422 naming the field). */
  private void requireKnownMarket(MarketMembership m) {
    if (m == null) {
      return;
    }
    Names.require("market.market", m.market());
    if (market(m.market()).isEmpty()) {
      throw ApiException.invalid(
          new FieldError(
              "market.market",
              "unknown market '"
                  + m.market()
                  + "'; register it with PUT /api/v1/p2p/markets/{id}"));
    }
  }

  public Building requireBuilding(String id) {
    Names.require("id", id);
    return building(id).orElseThrow(() -> ApiException.notFound("no building '" + id + "'"));
  }

  // ---- rooms

  public synchronized Room createRoom(Room r) {
    Names.require("name", r.name());
    Room room = normaliseRoom(r);
    if (room(room.name()).isPresent()) {
      throw ApiException.conflict("room '" + room.name() + "' already exists");
    }
    ensureBuilding(room.building());
    registry.put(RegistryKey.room(room.name()).encode(), room);
    return room;
  }

  /** Updates a room; a new building holds from now, the old one joins its building history. */
  public synchronized Room updateRoom(String name, Room r) {
    Room previous = requireRoom(name);
    requireSameId("name", name, r.name());
    Room room =
        normaliseRoom(new Room(name, r.building(), r.areaM2()))
            .succeeding(previous, clock.instant());
    ensureBuilding(room.building());
    registry.put(RegistryKey.room(name).encode(), room);
    return room;
  }

  /**
   * Deletes a room; with sensors in it this is 409 unless {@code force}, which deletes them too.
   */
  public synchronized void deleteRoom(String name, boolean force) {
    requireRoom(name);
    List<Sensor> sensors = sensorsIn(name);
    if (!sensors.isEmpty() && !force) {
      throw ApiException.conflict(
          "room '"
              + name
              + "' still has "
              + sensors.size()
              + " sensor(s); move or delete them first or use ?force=true");
    }
    deleteRoomAndSensors(name);
  }

  public Room requireRoom(String name) {
    Names.require("name", name);
    return room(name).orElseThrow(() -> ApiException.notFound("no room '" + name + "'"));
  }

  private void deleteRoomAndSensors(String name) {
    for (Sensor s : sensorsIn(name)) {
      registry.remove(RegistryKey.sensor(s.sensorId()).encode());
    }
    for (DeviceSpec d : devices()) {
      if (d.room().equals(name)) {
        registry.remove(RegistryKey.device(d.id()).encode());
      }
    }
    registry.remove(RegistryKey.room(name).encode());
  }

  private Room normaliseRoom(Room r) {
    String building = r.building() == null ? Building.DEFAULT_ID : r.building();
    if (!EntityId.isValid(building)) {
      throw ApiException.badRequest("invalid building", new FieldError("building", EntityId.RULE));
    }
    if (r.areaM2() != null
        && (!Double.isFinite(r.areaM2()) || r.areaM2() <= 0 || r.areaM2() > 1_000_000)) {
      throw ApiException.badRequest(
          "invalid area_m2", new FieldError("area_m2", "must be a number in (0, 1000000]"));
    }
    return new Room(r.name(), building, r.areaM2());
  }

  /** Rooms may name the implicit default building; any other building must exist (422). */
  private void ensureBuilding(String id) {
    if (building(id).isPresent()) {
      return;
    }
    if (Building.DEFAULT_ID.equals(id)) {
      registry.put(
          RegistryKey.building(id).encode(),
          new Building(id, "Default building", null, null, null));
      return;
    }
    throw ApiException.invalid(new FieldError("building", "unknown building '" + id + "'"));
  }

  // ---- sensors

  public synchronized Sensor createSensor(Sensor s) {
    Names.require("sensor_id", s.sensorId());
    validateSensor(s);
    if (sensor(s.sensorId()).isPresent()) {
      throw ApiException.conflict("sensor '" + s.sensorId() + "' already exists");
    }
    Sensor created = s.succeeding(null, clock.instant());
    registry.put(RegistryKey.sensor(s.sensorId()).encode(), created);
    return created;
  }

  /** Updates a sensor; a new room holds from now, the old one joins its room history. */
  public synchronized Sensor updateSensor(String id, Sensor s) {
    Sensor previous = requireSensor(id);
    requireSameId("sensor_id", id, s.sensorId());
    Sensor updated =
        new Sensor(id, s.room(), s.sensorType(), s.name(), s.drEnabled())
            .succeeding(previous, clock.instant());
    validateSensor(updated);
    registry.put(RegistryKey.sensor(id).encode(), updated);
    return updated;
  }

  public synchronized void deleteSensor(String id) {
    requireSensor(id);
    registry.remove(RegistryKey.sensor(id).encode());
  }

  public Sensor requireSensor(String id) {
    Names.require("sensor_id", id);
    return sensor(id).orElseThrow(() -> ApiException.notFound("no sensor '" + id + "'"));
  }

  private void validateSensor(Sensor s) {
    Names.require("room", s.room());
    if (s.sensorType() == null) {
      throw ApiException.badRequest(
          "sensor_type is required", new FieldError("sensor_type", "required"));
    }
    if (s.name() != null && s.name().length() > 128) {
      throw ApiException.badRequest(
          "name too long", new FieldError("name", "at most 128 characters"));
    }
    if (room(s.room()).isEmpty()) {
      throw ApiException.invalid(
          new FieldError("room", "unknown room '" + s.room() + "'; create it first"));
    }
  }

  // ---- batteries

  public List<BatterySpec> batteries() {
    return values(BatterySpec.class).sorted(Comparator.comparing(BatterySpec::id)).toList();
  }

  public Optional<BatterySpec> battery(String id) {
    return registry
        .get(RegistryKey.battery(id).encode())
        .filter(BatterySpec.class::isInstance)
        .map(BatterySpec.class::cast);
  }

  public synchronized BatterySpec createBattery(BatterySpec b) {
    Names.require("id", b.id());
    if (battery(b.id()).isPresent()) {
      throw ApiException.conflict("battery '" + b.id() + "' already exists");
    }
    requireKnownBuilding(b.building());
    registry.put(RegistryKey.battery(b.id()).encode(), b);
    return b;
  }

  /** Replaces a battery's spec; the id comes from the path. */
  public synchronized BatterySpec updateBattery(String id, BatterySpec b) {
    requireBattery(id);
    requireSameId("id", id, b.id());
    requireKnownBuilding(b.building());
    registry.put(RegistryKey.battery(id).encode(), b);
    return b;
  }

  public synchronized void deleteBattery(String id) {
    requireBattery(id);
    registry.remove(RegistryKey.battery(id).encode());
  }

  public BatterySpec requireBattery(String id) {
    Names.require("id", id);
    return battery(id).orElseThrow(() -> ApiException.notFound("no battery '" + id + "'"));
  }

  // ---- devices (managed at /iot/devices; demand response reads them too)

  public List<DeviceSpec> devices() {
    return values(DeviceSpec.class).sorted(Comparator.comparing(DeviceSpec::id)).toList();
  }

  public Optional<DeviceSpec> device(String id) {
    return registry
        .get(RegistryKey.device(id).encode())
        .filter(DeviceSpec.class::isInstance)
        .map(DeviceSpec.class::cast);
  }

  /**
   * Registers a device: 409 on an existing id; its room must exist (422) and be in its building.
   */
  public synchronized DeviceSpec createDevice(DeviceSpec d) {
    Names.require("id", d.id());
    if (device(d.id()).isPresent()) {
      throw ApiException.conflict("device '" + d.id() + "' already exists");
    }
    requireDeviceRoom(d);
    registry.put(RegistryKey.device(d.id()).encode(), d);
    return d;
  }

  /** Replaces a device's spec; the id comes from the path. */
  public synchronized DeviceSpec updateDevice(String id, DeviceSpec d) {
    requireDevice(id);
    requireSameId("id", id, d.id());
    requireDeviceRoom(d);
    registry.put(RegistryKey.device(id).encode(), d);
    return d;
  }

  public synchronized void deleteDevice(String id) {
    requireDevice(id);
    registry.remove(RegistryKey.device(id).encode());
  }

  /** The device, or a 404 naming {@code id}. */
  public DeviceSpec requireDevice(String id) {
    Names.require("id", id);
    return device(id)
        .orElseThrow(
            () ->
                new ApiException(
                    ApiException.Kind.NOT_FOUND,
                    "no device '" + id + "'",
                    List.of(new FieldError("id", "unknown device '" + id + "'"))));
  }

  private void requireDeviceRoom(DeviceSpec d) {
    Names.require("room", d.room());
    Room room =
        room(d.room())
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        new FieldError(
                            "room", "unknown room '" + d.room() + "'; create it first")));
    if (!buildingOf(room).equals(d.building())) {
      throw ApiException.invalid(
          new FieldError(
              "building",
              "must be the room's building '"
                  + buildingOf(room)
                  + "', was '"
                  + d.building()
                  + "'"));
    }
  }

  private void requireKnownBuilding(String id) {
    Names.require("building", id);
    if (building(id).isEmpty()) {
      throw ApiException.invalid(
          new FieldError("building", "unknown building '" + id + "'; create it first"));
    }
  }

  private static void requireSameId(String field, String pathId, String bodyId) {
    if (bodyId != null && !Objects.equals(pathId, bodyId)) {
      throw ApiException.badRequest(
          field + " in the body differs from the path",
          new FieldError(field, "must equal the path's '" + pathId + "' or be omitted"));
    }
  }
}
