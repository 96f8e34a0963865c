package io.voltstream.jobs.dispatch;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's buildings, batteries and devices as a per-building operator holds them in
 * broadcast state (registry key → JSON), parsed on demand: the dispatch job's and the DR job's
 * view.
 */
public record BuildingRegistry(Iterable<Map.Entry<String, String>> entries) {

  public Optional<Building> building(String id) {
    String wanted = RegistryKey.building(id).encode();
    for (Map.Entry<String, String> e : entries) {
      if (e.getKey().equals(wanted)) {
        return parse(e.getValue(), Building.class);
      }
    }
    return Optional.empty();
  }

  /** The building's batteries, ordered by id (a stable order makes the split reproducible). */
  public List<BatterySpec> batteriesOf(String building) {
    List<BatterySpec> out = new ArrayList<>();
    for (Map.Entry<String, String> e : entries) {
      RegistryKey.decode(e.getKey())
          .filter(k -> k.kind() == RegistryKey.Kind.BATTERY)
          .flatMap(k -> parse(e.getValue(), BatterySpec.class))
          .filter(b -> b.building().equals(building))
          .ifPresent(out::add);
    }
    out.sort(Comparator.comparing(BatterySpec::id));
    return out;
  }

  /** The building's devices, ordered by id. */
  public List<DeviceSpec> devicesOf(String building) {
    List<DeviceSpec> out = new ArrayList<>();
    for (Map.Entry<String, String> e : entries) {
      RegistryKey.decode(e.getKey())
          .filter(k -> k.kind() == RegistryKey.Kind.DEVICE)
          .flatMap(k -> parse(e.getValue(), DeviceSpec.class))
          .filter(d -> d.building().equals(building))
          .ifPresent(out::add);
    }
    out.sort(Comparator.comparing(DeviceSpec::id));
    return out;
  }

  /** Whether {@code json} is a valid value for {@code key} (building, battery or device). */
  public static boolean parses(RegistryKey key, String json) {
    Class<?> type =
        switch (key.kind()) {
          case BATTERY -> BatterySpec.class;
          case DEVICE -> DeviceSpec.class;
          default -> Building.class;
        };
    return parse(json, type).isPresent();
  }

  private static <T> Optional<T> parse(String json, Class<T> type) {
    try {
      return Optional.ofNullable(Json.MAPPER.readValue(json, type));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
