package io.voltstream.forecast.features;

import java.util.Arrays;

/** NaN-skipping summary statistics; each returns NaN when no value is present. */
public final class Stats {
  private Stats() {}

  public static double mean(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  public static double median(double[] values) {
    double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (present.length == 0) {
      return Double.NaN;
    }
    int mid = present.length / 2;
    return present.length % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
  }

  public static double min(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
  }

  public static double max(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
  }

  /** Population standard deviation. */
  public static double std(double[] values) {
    double m = mean(values);
    if (Double.isNaN(m)) {
      return Double.NaN;
    }
    double ss = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        ss += (v - m) * (v - m);
        n++;
      }
    }
    return Math.sqrt(ss / n);
  }
}
