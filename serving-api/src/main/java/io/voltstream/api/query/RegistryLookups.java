package io.voltstream.api.query;

import io.voltstream.api.registry.RegistryService;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import java.util.List;
import java.util.Optional;

/** {@link RegistryLookup} over the registry's materialised view. */
public final class RegistryLookups {
  private RegistryLookups() {}

  public static RegistryLookup of(RegistryService registry) {
    return new RegistryLookup() {
      @Override
      public Optional<Room> room(String name) {
        return registry.room(name);
      }

      @Override
      public Optional<String> roomOfSensor(String sensorId) {
        return registry.sensor(sensorId).map(Sensor::room);
      }

      @Override
      public int sensorCount() {
        return registry.sensors().size();
      }

      @Override
      public int roomCount() {
        return registry.rooms().size();
      }

      @Override
      public int buildingCount() {
        return registry.buildings().size();
      }

      @Override
      public List<BatterySpec> batteries() {
        return registry.batteries();
      }

      @Override
      public int drEnabledSensorCount() {
        return (int)
            registry.sensors().stream().filter(s -> Boolean.TRUE.equals(s.drEnabled())).count();
      }
    };
  }
}
