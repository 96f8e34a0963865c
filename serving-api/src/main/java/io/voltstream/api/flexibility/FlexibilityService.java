package io.voltstream.api.flexibility;

import io.voltstream.api.flexibility.dto.FlexibilityCurrentResponse;
import io.voltstream.api.flexibility.dto.FlexibilityCurrentResponse.BuildingFlexibility;
import io.voltstream.api.flexibility.dto.FlexibilityCurrentResponse.DeviceFlexibility;
import io.voltstream.api.flexibility.dto.FlexibilityCurrentResponse.RoomFlexibility;
import io.voltstream.api.flexibility.dto.FlexibilityFigures;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The latest flexibility per building, room and device from InfluxDB {@code flexibility} (written
 * by the flexibility job every 10 s of event time): the newest point of each series within {@link
 * #FRESH_WITHIN}, filtered by building and/or room and by what the caller's scope covers.
 */
public final class FlexibilityService {
  /** Points older than this are not current (the job reports every 10 s; 2 min = its staleness). */
  public static final Duration FRESH_WITHIN = Duration.ofMinutes(2);

  private static final Schema.Flexibility F = Schema.FLEXIBILITY;

  private final InfluxReader influx;
  private final Clock clock;

  public FlexibilityService(InfluxReader influx, Clock clock) {
    this.influx = influx;
    this.clock = clock;
  }

  /**
   * @param building only this building, or null
   * @param room only this room and its devices (no building figures), or null
   * @param coversBuilding whether the caller may read a building's figures
   * @param coversRoom whether the caller may read a room's (and its devices') figures
   */
  public FlexibilityCurrentResponse current(
      String building,
      String room,
      Predicate<String> coversBuilding,
      Predicate<String> coversRoom) {
    Instant now = clock.instant();
    InfluxQuery q =
        InfluxQuery.of("SELECT * FROM ")
            .from(F)
            .text(" WHERE time >= ")
            .time(now.minus(FRESH_WITHIN));
    if (building != null) {
      q.text(" AND ").eq(F.building, "building", building);
    }
    if (room != null) {
      q.text(" AND ").eq(F.room, "room", room);
    }
    q.text(" GROUP BY ")
        .column(F.building)
        .text(", ")
        .column(F.scope)
        .text(", ")
        .column(F.id)
        .text(", ")
        .column(F.room)
        .text(" ORDER BY time DESC LIMIT 1");

    Map<String, Tree> buildings = new TreeMap<>();
    for (Series s : influx.query(q)) {
      if (s.values().isEmpty()) {
        continue;
      }
      String b = s.tag(F.building);
      String scope = s.tag(F.scope);
      String id = s.tag(F.id);
      String r = s.tag(F.room);
      FlexibilityFigures figures = figures(s, s.values().get(0));
      Tree tree = buildings.computeIfAbsent(b, x -> new Tree());
      switch (scope == null ? "" : scope) {
        case "building" -> {
          if (room == null && coversBuilding.test(b)) {
            tree.figures = figures;
          }
        }
        case "room" -> {
          if (coversRoom.test(id)) {
            tree.room(id).figures = figures;
          }
        }
        case "device" -> {
          if (r != null && coversRoom.test(r)) {
            tree.room(r).devices.put(id, figures);
          }
        }
        default -> {}
      }
    }
    List<BuildingFlexibility> out = new ArrayList<>();
    buildings.forEach(
        (b, tree) -> {
          if (tree.figures != null || !tree.rooms.isEmpty()) {
            out.add(tree.toResponse(b));
          }
        });
    return new FlexibilityCurrentResponse(now, FRESH_WITHIN.toSeconds(), out);
  }

  private static FlexibilityFigures figures(Series s, List<Object> row) {
    return new FlexibilityFigures(
        s.time(row),
        orZero(Series.number(row, s.column(F.upNowKw))),
        orZero(Series.number(row, s.column(F.downNowKw))),
        orZero(Series.number(row, s.column(F.upHourKw))),
        orZero(Series.number(row, s.column(F.downHourKw))),
        Series.number(row, s.column(F.powerW)),
        Series.string(row, s.column(F.state)));
  }

  private static double orZero(Double v) {
    return v == null ? 0.0 : v;
  }

  /** One building's figures while they are gathered. */
  private static final class Tree {
    FlexibilityFigures figures;
    final Map<String, RoomTree> rooms = new TreeMap<>();

    RoomTree room(String name) {
      return rooms.computeIfAbsent(name, n -> new RoomTree());
    }

    BuildingFlexibility toResponse(String building) {
      List<RoomFlexibility> list = new ArrayList<>();
      rooms.forEach(
          (name, r) -> {
            List<DeviceFlexibility> devices = new ArrayList<>();
            r.devices.forEach((id, f) -> devices.add(new DeviceFlexibility(id, f)));
            list.add(new RoomFlexibility(name, r.figures, devices));
          });
      return new BuildingFlexibility(building, figures, list);
    }
  }

  private static final class RoomTree {
    FlexibilityFigures figures;
    final Map<String, FlexibilityFigures> devices = new TreeMap<>();
  }
}
