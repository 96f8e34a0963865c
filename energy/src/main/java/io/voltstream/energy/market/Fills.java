package io.voltstream.energy.market;

/**
 * The one tolerance of the matchers for "filled". Quantities are doubles, so a fill can leave a
 * remainder of rounding dust (0.3 − 0.1 − 0.2 ≈ 5.6e-17 kWh). A remainder of at most {@link
 * #EPSILON_KWH} (1e-9 kWh = 1 µWh, far below any meter's resolution) counts as filled and is
 * dropped: the order leaves the book and reports 0 remaining. Energy is therefore conserved per
 * order within {@link #EPSILON_KWH}, and no trade is ever smaller than the smaller of two orders'
 * remainders.
 */
public final class Fills {
  /** A remainder at or below this is filled [kWh]. */
  public static final double EPSILON_KWH = 1e-9;

  private Fills() {}

  /** Whether an order with {@code remainingKwh} left counts as filled. */
  public static boolean isFilled(double remainingKwh) {
    return remainingKwh <= EPSILON_KWH;
  }

  /** What is left of {@code kwh} after {@code filledKwh} traded: 0 when within the tolerance. */
  static double remainder(double kwh, double filledKwh) {
    double left = kwh - filledKwh;
    return isFilled(left) ? 0 : left;
  }
}
