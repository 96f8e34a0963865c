package io.voltstream.forecast.evaluation;

/**
 * Accuracy of a P10/P50/P90 forecast: pinball (quantile) loss of each quantile in the target's unit
 * (lower is better; P50's is half the MAE of the median) and the share of hours whose actual value
 * lies inside [P10, P90] — 80 % for a calibrated interval.
 */
public record IntervalMetrics(
    double pinballP10, double pinballP50, double pinballP90, double coverage80, int hours) {

  /** Equal-length arrays without NaN; {@code p10 ≤ p50 ≤ p90} is not required. */
  public static IntervalMetrics of(double[] actual, double[] p10, double[] p50, double[] p90) {
    int n = actual.length;
    if (n == 0 || p10.length != n || p50.length != n || p90.length != n) {
      throw new IllegalArgumentException("need equal, non-empty arrays, got " + n + " actual");
    }
    double l10 = 0;
    double l50 = 0;
    double l90 = 0;
    int inside = 0;
    for (int i = 0; i < n; i++) {
      l10 += pinball(0.1, actual[i], p10[i]);
      l50 += pinball(0.5, actual[i], p50[i]);
      l90 += pinball(0.9, actual[i], p90[i]);
      if (actual[i] >= p10[i] && actual[i] <= p90[i]) {
        inside++;
      }
    }
    return new IntervalMetrics(l10 / n, l50 / n, l90 / n, (double) inside / n, n);
  }

  /**
   * Pinball loss of quantile {@code q}: q·(y − p) when under-forecast, (1 − q)·(p − y) when over.
   */
  public static double pinball(double q, double actual, double predicted) {
    double d = actual - predicted;
    return d >= 0 ? q * d : (q - 1) * d;
  }
}
