package io.voltstream.sim.device;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/**
 * A value per local hour of the day, one curve for weekdays and one for weekends, linearly
 * interpolated between hour centres so that shapes have no steps.
 */
public record HourlyShape(double[] weekday, double[] weekend) {

  public HourlyShape {
    if (weekday.length != 24 || weekend.length != 24) {
      throw new IllegalArgumentException("an hourly shape needs 24 values per day type");
    }
    weekday = weekday.clone();
    weekend = weekend.clone();
  }

  public static boolean isWeekend(ZonedDateTime local) {
    DayOfWeek d = local.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }

  /** The interpolated value at a local date-time. */
  public double at(ZonedDateTime local) {
    double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0 - 0.5;
    int h0 = (int) Math.floor(hour);
    double frac = hour - h0;
    double v0 = valueAt(local, h0);
    double v1 = valueAt(local, h0 + 1);
    return v0 + (v1 - v0) * frac;
  }

  private double valueAt(ZonedDateTime local, int hour) {
    // Hours before 0 or after 23 belong to the neighbouring day, whose day type may differ.
    ZonedDateTime day = hour < 0 ? local.minusDays(1) : hour > 23 ? local.plusDays(1) : local;
    double[] curve = isWeekend(day) ? weekend : weekday;
    return curve[Math.floorMod(hour, 24)];
  }
}
