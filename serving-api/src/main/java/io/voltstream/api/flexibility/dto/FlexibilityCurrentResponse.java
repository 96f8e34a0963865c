package io.voltstream.api.flexibility.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /api/v1/demand-response/flexibility/current}: the latest flexibility per
 * building, room and device within the freshness window, nested building → rooms → devices. A level
 * the token's scope does not cover (e.g. the building for a room token), or without a fresh point,
 * has no {@code flexibility}.
 *
 * @param at when the answer was made
 * @param freshWithinS only points at most this old count [s]
 * @param buildings by building id
 */
public record FlexibilityCurrentResponse(
    Instant at, long freshWithinS, List<BuildingFlexibility> buildings) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BuildingFlexibility(
      String building, FlexibilityFigures flexibility, List<RoomFlexibility> rooms) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RoomFlexibility(
      String room, FlexibilityFigures flexibility, List<DeviceFlexibility> devices) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DeviceFlexibility(String id, FlexibilityFigures flexibility) {}
}
