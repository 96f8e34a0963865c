package io.voltstream.api.iot.dto;

import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /api/v1/iot/devices/summary}: device counts by state, type and room, and the metered
 * power of controllable and of curtailable devices now (W and kW).
 *
 * @param freshnessS a meter reading older than this makes its device {@code unknown}
 */
public record DeviceSummaryResponse(
    Instant at,
    long freshnessS,
    int totalDevices,
    Map<String, Integer> byState,
    Map<String, StateCounts> byType,
    Map<String, StateCounts> byRoom,
    double controllablePowerW,
    double controllablePowerKw,
    double curtailablePowerW,
    double curtailablePowerKw) {

  public static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
