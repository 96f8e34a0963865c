package io.voltstream.energy.battery;

/**
 * An allowed interval of battery power [W], positive = discharge: {@code minW} is the most negative
 * (strongest charge), {@code maxW} the strongest discharge. Never empty.
 */
public record PowerRange(double minW, double maxW) {
  public PowerRange {
    if (!(minW <= maxW)) {
      throw new IllegalArgumentException("empty power range [" + minW + ", " + maxW + "]");
    }
  }

  public static PowerRange point(double powerW) {
    return new PowerRange(powerW, powerW);
  }

  public boolean isPoint() {
    return minW == maxW;
  }

  public boolean contains(double powerW) {
    return powerW >= minW && powerW <= maxW;
  }

  /** The value of the range nearest to {@code powerW}. */
  public double clamp(double powerW) {
    return Math.max(minW, Math.min(maxW, powerW));
  }

  /**
   * This range narrowed by {@code limit}. When they do not overlap this range wins: the result is
   * the edge of this range nearest to the limit (a lower-priority wish never breaks a higher
   * limit).
   */
  public PowerRange narrow(PowerRange limit) {
    double lo = Math.max(minW, limit.minW);
    double hi = Math.min(maxW, limit.maxW);
    if (lo <= hi) {
      return new PowerRange(lo, hi);
    }
    return point(limit.maxW < minW ? minW : maxW);
  }

  /** This range with its lower end raised to at least {@code minW} (kept inside the range). */
  public PowerRange atLeast(double minW) {
    return narrow(new PowerRange(minW, Double.MAX_VALUE));
  }

  /** This range with its upper end lowered to at most {@code maxW} (kept inside the range). */
  public PowerRange atMost(double maxW) {
    return narrow(new PowerRange(-Double.MAX_VALUE, maxW));
  }
}
