package io.voltstream.jobs.batterystate.logic;

import io.voltstream.influx.Schema;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.RegistryKey;

/**
 * A battery report with the building the registry assigns to its battery.
 *
 * @param telemetry the report
 * @param building the battery's building, or {@code unassigned} while the registry does not know it
 */
public record BatteryStateRow(BatteryTelemetry telemetry, String building) {

  /** The row of {@code t} given the registry's building for its battery (null = unknown). */
  public static BatteryStateRow of(BatteryTelemetry t, String registryBuilding) {
    return new BatteryStateRow(
        t, registryBuilding == null ? Schema.Readings.UNASSIGNED : registryBuilding);
  }

  /** The broadcast-view key of a battery: {@code battery:<id>}. */
  public static String viewKey(String batteryId) {
    return RegistryKey.battery(batteryId).encode();
  }

  /** Whether a registry key is a battery's (the only entries this view keeps). */
  public static boolean isBattery(RegistryKey key) {
    return key != null && key.kind() == RegistryKey.Kind.BATTERY;
  }
}
