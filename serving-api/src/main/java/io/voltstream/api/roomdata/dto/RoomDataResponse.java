package io.voltstream.api.roomdata.dto;

import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /api/v1/rooms/{name}/data}: the room's series at the requested resolution,
 * its current values, and totals over the range ({@code cost}: the sum of the windows' net energy
 * at the building tariff, null when no window carried energy). {@code registered} is false for a
 * room that has data but is not in the registry (e.g. a room named only in device payloads).
 */
public record RoomDataResponse(
    String room,
    String building,
    boolean registered,
    Instant startTime,
    Instant endTime,
    String resolution,
    CurrentValues current,
    List<RoomDataPoint> series,
    Totals totals) {

  /** Sums over the whole range; {@code cost} in {@code currency}. */
  public record Totals(Double energyKwh, Double generationKwh, Double cost, String currency) {}
}
