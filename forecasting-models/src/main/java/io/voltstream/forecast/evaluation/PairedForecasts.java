package io.voltstream.forecast.evaluation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forecasts of several forecasters paired with the actual values, one entry per scored hour (only
 * hours every forecaster answered), with the lead of each hour after its origin (0..23).
 */
public record PairedForecasts(
    int origins,
    int skippedOrigins,
    int[] leads,
    double[] actual,
    Map<String, double[]> forecasts) {

  /** These hours followed by {@code later}'s (same forecaster ids), e.g. to pool folds. */
  public static PairedForecasts concat(List<PairedForecasts> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    int origins = 0;
    int skipped = 0;
    int[] leads = new int[0];
    double[] actual = new double[0];
    Map<String, double[]> forecasts = new LinkedHashMap<>();
    parts.get(0).forecasts().keySet().forEach(id -> forecasts.put(id, new double[0]));
    for (PairedForecasts p : parts) {
      if (!p.forecasts().keySet().equals(forecasts.keySet())) {
        throw new IllegalArgumentException(
            "forecasters differ: " + p.forecasts().keySet() + " vs " + forecasts.keySet());
      }
      origins += p.origins();
      skipped += p.skippedOrigins();
      leads = append(leads, p.leads());
      actual = append(actual, p.actual());
      for (var e : p.forecasts().entrySet()) {
        forecasts.put(e.getKey(), append(forecasts.get(e.getKey()), e.getValue()));
      }
    }
    return new PairedForecasts(origins, skipped, leads, actual, forecasts);
  }

  private static double[] append(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int[] append(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
