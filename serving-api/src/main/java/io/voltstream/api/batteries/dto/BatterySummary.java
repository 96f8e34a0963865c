package io.voltstream.api.batteries.dto;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/batteries/analytics/summary}: fleet totals and per battery over a window.
 *
 * @param averageSoc mean of the batteries' latest SoC [%] (null when none reported)
 * @param chargedKwh AC energy into the batteries over the window [kWh]
 * @param dischargedKwh AC energy out of the batteries over the window [kWh]
 * @param equivalentFullCycles discharged energy / capacity
 * @param stateOfHealthPercent capacity-weighted latest reported SoH [%]
 */
public record BatterySummary(
    Instant startTime,
    Instant endTime,
    int totalBatteries,
    double totalCapacityKwh,
    Double averageSoc,
    double chargedKwh,
    double dischargedKwh,
    double equivalentFullCycles,
    Double stateOfHealthPercent,
    List<PerBattery> batteries) {

  /** One battery's share of the summary. */
  public record PerBattery(
      String id,
      String building,
      double capacityKwh,
      Double socPercent,
      double chargedKwh,
      double dischargedKwh,
      double equivalentFullCycles,
      Double stateOfHealthPercent) {}
}
