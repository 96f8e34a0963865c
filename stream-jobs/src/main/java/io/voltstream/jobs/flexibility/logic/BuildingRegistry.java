package io.voltstream.jobs.flexibility.logic;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the flexibility job needs of the registry, per building: its rooms, devices and batteries,
 * parsed from the broadcast registry entries (registry key → JSON). Values that do not parse are
 * skipped (the operator counts them when they arrive).
 */
public final class BuildingRegistry {

  /** One building's part. */
  public record Entities(Set<String> rooms, List<DeviceSpec> devices, List<BatterySpec> batteries) {

    /** Whether {@code sensorId} meters one of the building's devices. */
    public boolean isMeter(String sensorId) {
      return devices.stream().anyMatch(d -> d.meterId().equals(sensorId));
    }

    public boolean hasBattery(String batteryId) {
      return batteries.stream().anyMatch(b -> b.id().equals(batteryId));
    }
  }

  private static final Entities EMPTY = new Entities(Set.of(), List.of(), List.of());

  private final Map<String, Entities> byBuilding;

  private BuildingRegistry(Map<String, Entities> byBuilding) {
    this.byBuilding = byBuilding;
  }

  /** The registry kinds the job keeps in its broadcast state. */
  public static boolean isRelevant(RegistryKey key) {
    return key != null
        && switch (key.kind()) {
          case BUILDING, ROOM, DEVICE, BATTERY -> true;
          default -> false;
        };
  }

  /** Parses the registry entries. */
  public static BuildingRegistry of(Iterable<Map.Entry<String, String>> entries) {
    Map<String, Set<String>> rooms = new HashMap<>();
    Map<String, List<DeviceSpec>> devices = new HashMap<>();
    Map<String, List<BatterySpec>> batteries = new HashMap<>();
    for (Map.Entry<String, String> e : entries) {
      Optional<RegistryKey> key = RegistryKey.decode(e.getKey());
      if (key.isEmpty()) {
        continue;
      }
      switch (key.get().kind()) {
        case ROOM ->
            parse(e.getValue(), Room.class)
                .ifPresent(
                    r ->
                        rooms
                            .computeIfAbsent(buildingOf(r), b -> new TreeSet<>())
                            .add(r.name() == null ? key.get().id() : r.name()));
        case DEVICE ->
            parse(e.getValue(), DeviceSpec.class)
                .ifPresent(
                    d -> devices.computeIfAbsent(d.building(), b -> new ArrayList<>()).add(d));
        case BATTERY ->
            parse(e.getValue(), BatterySpec.class)
                .ifPresent(
                    b -> batteries.computeIfAbsent(b.building(), x -> new ArrayList<>()).add(b));
        default -> {}
      }
    }
    Map<String, Entities> out = new HashMap<>();
    Set<String> buildings = new TreeSet<>(rooms.keySet());
    buildings.addAll(devices.keySet());
    buildings.addAll(batteries.keySet());
    for (String b : buildings) {
      out.put(
          b,
          new Entities(
              Set.copyOf(rooms.getOrDefault(b, Set.of())),
              List.copyOf(devices.getOrDefault(b, List.of())),
              List.copyOf(batteries.getOrDefault(b, List.of()))));
    }
    return new BuildingRegistry(out);
  }

  public Entities of(String building) {
    return byBuilding.getOrDefault(building, EMPTY);
  }

  /** Whether {@code json} is a valid value for {@code key}'s kind. */
  public static boolean parses(RegistryKey key, String json) {
    return parse(json, key.kind().valueType()).isPresent();
  }

  /** The device spec in {@code json}, when it is one. */
  public static Optional<DeviceSpec> device(String json) {
    return parse(json, DeviceSpec.class);
  }

  private static String buildingOf(Room r) {
    return r.building() == null || r.building().isBlank() ? Building.DEFAULT_ID : r.building();
  }

  private static <T> Optional<T> parse(String json, Class<T> type) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Json.MAPPER.readValue(json, type));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
