package io.voltstream.forecast.evaluation;

/** The metric formulas, on paired arrays of actual and forecast values (same length, no NaN). */
public final class ForecastMetrics {
  private ForecastMetrics() {}

  public static double rmse(double[] actual, double[] forecast) {
    check(actual, forecast);
    double ss = 0;
    for (int i = 0; i < actual.length; i++) {
      double e = forecast[i] - actual[i];
      ss += e * e;
    }
    return Math.sqrt(ss / actual.length);
  }

  public static double mae(double[] actual, double[] forecast) {
    check(actual, forecast);
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      s += Math.abs(forecast[i] - actual[i]);
    }
    return s / actual.length;
  }

  /** RMSE divided by the mean actual value, in percent; NaN when the mean is 0. */
  public static double nrmsePercent(double[] actual, double[] forecast) {
    double mean = 0;
    for (double a : actual) {
      mean += a;
    }
    mean /= actual.length;
    return mean == 0 ? Double.NaN : 100.0 * rmse(actual, forecast) / mean;
  }

  /** 1 − rmse / referenceRmse; NaN when the reference is perfect (0). */
  public static double skill(double rmse, double referenceRmse) {
    return referenceRmse == 0 ? Double.NaN : 1.0 - rmse / referenceRmse;
  }

  public static Metrics of(double[] actual, double[] forecast, double referenceRmse) {
    double rmse = rmse(actual, forecast);
    return new Metrics(
        nrmsePercent(actual, forecast),
        mae(actual, forecast),
        rmse,
        skill(rmse, referenceRmse),
        actual.length);
  }

  private static void check(double[] actual, double[] forecast) {
    if (actual.length != forecast.length || actual.length == 0) {
      throw new IllegalArgumentException(
          "need equal, non-empty arrays: "
              + actual.length
              + " actual, "
              + forecast.length
              + " forecast");
    }
  }
}
