package io.voltstream.launcher.bench;

import java.time.Duration;

/**
 * Rate arithmetic of the benchmark: counter deltas to per-second rates, readings to data points.
 */
public final class Rates {
  private Rates() {}

  /** {@code delta} events over {@code elapsed} as events per second (0 for an empty interval). */
  public static double perSecond(long delta, Duration elapsed) {
    long nanos = elapsed.toNanos();
    return nanos <= 0 ? 0.0 : delta * 1e9 / nanos;
  }

  /**
   * Data points (metric values) carried by {@code readings} readings of {@code metricsPerReading}
   * metrics.
   */
  public static long dataPoints(long readings, int metricsPerReading) {
    return Math.multiplyExact(readings, (long) metricsPerReading);
  }

  /** Whether {@code achieved} reaches {@code tolerance} (e.g. 0.95) of {@code target}. */
  public static boolean reaches(double achieved, double target, double tolerance) {
    return achieved >= target * tolerance;
  }
}
