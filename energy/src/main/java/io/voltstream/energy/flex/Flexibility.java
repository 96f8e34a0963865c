package io.voltstream.energy.flex;

import java.util.Collection;

/**
 * Flexibility of a device, battery or group of them, in the consumption perspective, all ≥ 0:
 * {@code down} = how far the grid import can be reduced (what demand response asks for), {@code up}
 * = how far it can be raised; {@code now} = available immediately, {@code hour} = the mean that can
 * be held over the next hour. Groups add up (independent devices, see {@link #sum}).
 *
 * @param upNowKw upward now [kW]
 * @param downNowKw downward now [kW]
 * @param upHourKw upward, held over the next hour [kW] (never more than {@code upNowKw})
 * @param downHourKw downward, held over the next hour [kW] (never more than {@code downNowKw})
 */
public record Flexibility(double upNowKw, double downNowKw, double upHourKw, double downHourKw) {

  public static final Flexibility NONE = new Flexibility(0, 0, 0, 0);

  public Flexibility {
    upNowKw = nonNegative("up_now_kw", upNowKw);
    downNowKw = nonNegative("down_now_kw", downNowKw);
    upHourKw = Math.min(nonNegative("up_hour_kw", upHourKw), upNowKw);
    downHourKw = Math.min(nonNegative("down_hour_kw", downHourKw), downNowKw);
  }

  public Flexibility plus(Flexibility other) {
    return new Flexibility(
        upNowKw + other.upNowKw,
        downNowKw + other.downNowKw,
        upHourKw + other.upHourKw,
        downHourKw + other.downHourKw);
  }

  /** The flexibility of a group: the sum of its members' (each can be moved on its own). */
  public static Flexibility sum(Collection<Flexibility> parts) {
    Flexibility total = NONE;
    for (Flexibility f : parts) {
      total = total.plus(f);
    }
    return total;
  }

  private static double nonNegative(String field, double kw) {
    if (Double.isNaN(kw)) {
      throw new IllegalArgumentException(field + " must be a number");
    }
    // −0.0 and rounding noise below zero mean "none".
    return Math.max(0.0, kw);
  }
}
