package io.voltstream.sim.device.load;

import io.voltstream.sim.device.HourlyShape;
import io.voltstream.sim.device.Noise;
import io.voltstream.sim.device.RoomKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Electrical load of a room: a typical daily shape per room kind (morning and evening peaks on
 * weekdays, later and flatter days at weekends) times a per-minute random factor.
 *
 * <p>{@link #expectedPowerW} is the noiseless shape; {@link #averagePowerW} is what a meter reports
 * for an interval, sampled inside the interval so that accelerated time still averages correctly.
 */
public final class LoadProfile {
  private static final Duration MAX_SAMPLE_STEP = Duration.ofMinutes(5);
  private static final int MAX_SAMPLES = 96;

  private static final HourlyShape KITCHEN =
      new HourlyShape(
          new double[] {
            110, 100, 100, 100, 100, 120, 600, 1300, 700, 200, 150, 180, 450, 300, 150, 150, 250,
            900, 1900, 1600, 700, 350, 200, 130
          },
          new double[] {
            120, 110, 100, 100, 100, 100, 110, 200, 700, 1100, 600, 500, 1400, 1200, 400, 300, 350,
            700, 1700, 1500, 800, 400, 250, 150
          });
  private static final HourlyShape LIVING_ROOM =
      new HourlyShape(
          new double[] {
            60, 45, 40, 40, 40, 40, 80, 200, 120, 60, 55, 55, 70, 60, 55, 60, 90, 220, 380, 480,
            520, 470, 300, 120
          },
          new double[] {
            90, 60, 45, 40, 40, 40, 45, 60, 150, 260, 300, 280, 250, 280, 320, 330, 340, 380, 430,
            520, 560, 520, 380, 180
          });
  private static final HourlyShape OFFICE =
      new HourlyShape(
          new double[] {
            20, 20, 20, 20, 20, 20, 20, 30, 180, 280, 300, 290, 160, 280, 300, 290, 250, 120, 40,
            60, 80, 50, 25, 20
          },
          new double[] {
            20, 20, 20, 20, 20, 20, 20, 20, 20, 30, 60, 80, 60, 40, 50, 60, 40, 30, 25, 40, 60, 40,
            25, 20
          });
  private static final HourlyShape BEDROOM =
      new HourlyShape(
          new double[] {
            35, 30, 30, 30, 30, 35, 120, 160, 60, 30, 30, 30, 30, 30, 30, 30, 35, 40, 50, 70, 110,
            180, 200, 90
          },
          new double[] {
            45, 35, 30, 30, 30, 30, 35, 60, 140, 150, 80, 40, 35, 35, 40, 40, 45, 50, 60, 80, 120,
            170, 210, 120
          });
  private static final HourlyShape BATHROOM =
      new HourlyShape(
          new double[] {
            25, 25, 25, 25, 25, 40, 900, 1500, 500, 60, 30, 30, 30, 30, 30, 30, 30, 40, 60, 200,
            700, 500, 150, 40
          },
          new double[] {
            25, 25, 25, 25, 25, 25, 30, 150, 700, 1300, 900, 300, 60, 40, 40, 40, 50, 60, 120, 300,
            600, 450, 150, 40
          });

  private final long seed;
  private final ZoneId zone;

  public LoadProfile(long seed, ZoneId zone) {
    this.seed = seed;
    this.zone = zone;
  }

  /**
   * Noiseless typical power of a room of this kind at a moment [W]; zero for the roof and for a
   * whole building (its load is a {@link LoadMix} of the other kinds).
   */
  public double expectedPowerW(RoomKind kind, Instant at) {
    HourlyShape shape = shapeOf(kind);
    return shape == null ? 0.0 : shape.at(ZonedDateTime.ofInstant(at, zone));
  }

  /** Power of one room at a moment including its per-minute variation [W], never negative. */
  public double powerW(String roomKey, RoomKind kind, Instant at) {
    double expected = expectedPowerW(kind, at);
    long minute = Math.floorDiv(at.getEpochSecond(), 60);
    // Appliances switch on and off: a skewed factor around 1 (mean ~1, long tail up).
    double factor = Math.exp(0.25 * Noise.gaussian(seed, roomKey, minute) - 0.03);
    return Math.max(0.0, expected * factor);
  }

  /** Mean power of the room over (from, to] [W], by sampling at most every 5 minutes. */
  public double averagePowerW(String roomKey, RoomKind kind, Instant from, Instant to) {
    Duration span = Duration.between(from, to);
    if (span.isNegative() || span.isZero()) {
      return powerW(roomKey, kind, to);
    }
    int samples =
        (int)
            Math.min(
                MAX_SAMPLES,
                Math.max(
                    1,
                    (span.toMillis() + MAX_SAMPLE_STEP.toMillis() - 1)
                        / MAX_SAMPLE_STEP.toMillis()));
    long stepNanos = span.toNanos() / samples;
    double sum = 0;
    for (int i = 0; i < samples; i++) {
      sum += powerW(roomKey, kind, from.plusNanos(stepNanos * i + stepNanos / 2));
    }
    return sum / samples;
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
