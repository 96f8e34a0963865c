package io.voltstream.api.analytics.dto;

/**
 * The {@code system_overview} object the original dashboard clients read from {@code GET
 * /api/v1/analytics/summary}: one block per service.
 */
public record SystemOverview(
    SensorService sensorService,
    BatteryService batteryService,
    DemandResponseService demandResponseService) {

  /** Sensors: registered, reporting in the last 5 minutes, rooms, buildings. */
  public record SensorService(
      int totalSensors, int activeSensors, int totalRooms, int totalBuildings) {}

  /**
   * Batteries: registered, their capacity [kWh], and the mean of their latest SoC [%] (reports of
   * the last 10 minutes; null when none reported).
   */
  public record BatteryService(int totalBatteries, double totalCapacityKwh, Double averageSoc) {}

  /**
   * Demand response: sensors registered as DR-enabled, opted-in events running now, and the sum of
   * the buildings' latest downward flexibility now (InfluxDB {@code flexibility}, building points
   * of the last 2 minutes) [kW], null when none reported.
   */
  public record DemandResponseService(
      int drEnabledSensors, int activeEvents, Double flexibilityAvailableKw) {}
}
