package io.voltstream.api.query;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.model.Room;
import java.util.List;
import java.util.Optional;

/**
 * What the query endpoints need from the registry's materialised view: whether a room exists and
 * how many things are registered; {@link RegistryLookups} reads it from the registry view.
 */
public interface RegistryLookup {
  Optional<Room> room(String name);

  /** The room the registry assigns this sensor to, if the sensor is registered. */
  Optional<String> roomOfSensor(String sensorId);

  int sensorCount();

  int roomCount();

  int buildingCount();

  /** Every registered battery. */
  List<BatterySpec> batteries();

  /** Sensors registered as demand-response enabled. */
  int drEnabledSensorCount();
}
