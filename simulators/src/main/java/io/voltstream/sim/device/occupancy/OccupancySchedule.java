package io.voltstream.sim.device.occupancy;

import io.voltstream.sim.device.HourlyShape;
import io.voltstream.sim.device.Noise;
import io.voltstream.sim.device.RoomKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How many people are in a room: an expected (fractional) head count per local hour and day type,
 * turned into a whole number per 15-minute slot with seeded noise. A pure function of (seed, room,
 * time), so occupancy does not depend on how often it is sampled.
 */
public final class OccupancySchedule {
  private static final long SLOT_SECONDS = 15 * 60;

  private static final HourlyShape KITCHEN =
      new HourlyShape(
          new double[] {
            0, 0, 0, 0, 0, 0, 0.6, 1.8, 0.8, 0.1, 0.1, 0.2, 0.9, 0.4, 0.1, 0.1, 0.3, 1.0, 2.2, 2.0,
            0.6, 0.2, 0.1, 0
          },
          new double[] {
            0, 0, 0, 0, 0, 0, 0, 0.3, 1.2, 2.0, 0.8, 0.6, 2.2, 1.8, 0.4, 0.3, 0.4, 0.8, 2.0, 2.2,
            0.8, 0.3, 0.1, 0
          });
  private static final HourlyShape LIVING_ROOM =
      new HourlyShape(
          new double[] {
            0.1, 0, 0, 0, 0, 0, 0.1, 0.6, 0.2, 0, 0, 0, 0.1, 0, 0, 0.1, 0.4, 0.8, 1.5, 2.5, 3.0,
            2.6, 1.5, 0.5
          },
          new double[] {
            0.3, 0.1, 0, 0, 0, 0, 0, 0.1, 0.8, 1.6, 2.0, 1.8, 1.0, 1.6, 2.2, 2.4, 2.2, 2.0, 1.8,
            2.8, 3.2, 2.8, 1.8, 0.8
          });
  private static final HourlyShape OFFICE =
      new HourlyShape(
          new double[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0.8, 1.0, 1.0, 1.0, 0.3, 0.9, 1.0, 1.0, 0.8, 0.3, 0, 0.1, 0.2,
            0.1, 0, 0
          },
          new double[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.2, 0.3, 0.1, 0, 0.1, 0.2, 0.1, 0, 0, 0.1, 0.2, 0.1, 0, 0
          });
  private static final HourlyShape BEDROOM =
      new HourlyShape(
          new double[] {
            1.9, 1.9, 1.9, 1.9, 1.9, 1.9, 1.7, 0.6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.2, 0.6,
            1.6, 1.9
          },
          new double[] {
            1.9, 1.9, 1.9, 1.9, 1.9, 1.9, 1.9, 1.9, 1.4, 0.6, 0.1, 0, 0, 0.2, 0.1, 0, 0, 0, 0, 0.1,
            0.2, 0.5, 1.3, 1.8
          });
  private static final HourlyShape BATHROOM =
      new HourlyShape(
          new double[] {
            0, 0, 0, 0, 0, 0, 0.7, 0.9, 0.3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.2, 0.5, 0.4, 0.1, 0
          },
          new double[] {
            0, 0, 0, 0, 0, 0, 0, 0.2, 0.6, 0.9, 0.6, 0.2, 0, 0, 0, 0, 0, 0.1, 0.1, 0.2, 0.4, 0.4,
            0.1, 0
          });

  private final long seed;
  private final ZoneId zone;

  public OccupancySchedule(long seed, ZoneId zone) {
    this.seed = seed;
    this.zone = zone;
  }

  /** Expected (mean) head count at a moment. */
  public double expectedOccupants(RoomKind kind, Instant at) {
    HourlyShape shape = shapeOf(kind);
    return shape == null ? 0.0 : Math.max(0.0, shape.at(ZonedDateTime.ofInstant(at, zone)));
  }

  /** Whole head count in the 15-minute slot containing {@code at}. */
  public int occupants(String roomKey, RoomKind kind, Instant at) {
    long slot = Math.floorDiv(at.getEpochSecond(), SLOT_SECONDS);
    double expected =
        expectedOccupants(kind, Instant.ofEpochSecond(slot * SLOT_SECONDS + SLOT_SECONDS / 2));
    int whole = (int) Math.floor(expected);
    double extraChance = expected - whole;
    return whole + (Noise.uniform(seed, "occ:" + roomKey, slot) < extraChance ? 1 : 0);
  }

  private static HourlyShape shapeOf(RoomKind kind) {
    return switch (kind) {
      case KITCHEN -> KITCHEN;
      case LIVING_ROOM -> LIVING_ROOM;
      case OFFICE -> OFFICE;
      case BEDROOM -> BEDROOM;
      case BATHROOM -> BATHROOM;
      case ROOF, WHOLE_BUILDING -> null;
    };
  }
}
