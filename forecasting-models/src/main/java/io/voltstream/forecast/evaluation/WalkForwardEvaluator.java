package io.voltstream.forecast.evaluation;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.PastView;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Day-ahead walk-forward evaluation: from each midnight of the test range whose full day lies
 * inside the range and whose first {@code horizonHours} hours are all present, every forecaster
 * forecasts those 24 hours seeing only the past (train and test history before that midnight).
 * Hours are scored only where every forecaster produced a value, so all are compared on the same
 * hours.
 */
public final class WalkForwardEvaluator {
  private WalkForwardEvaluator() {}

  /**
   * @param progress called with the number of origins done so far
   */
  public static EvaluationReport evaluate(
      HourlySeries history,
      Instant testFrom,
      Instant testTo,
      int horizonHours,
      List<Forecaster> forecasters,
      IntConsumer progress) {
    return score(run(history, testFrom, testTo, horizonHours, forecasters, progress));
  }

  /**
   * The forecasts behind {@link #evaluate}, paired with the actual values on the hours every
   * forecaster answered (for pooled scoring over folds and for residual quantiles).
   *
   * @throws IllegalArgumentException when no hour can be scored
   */
  public static PairedForecasts run(
      HourlySeries history,
      Instant testFrom,
      Instant testTo,
      int horizonHours,
      List<Forecaster> forecasters,
      IntConsumer progress) {
    if (horizonHours < 1 || horizonHours > 24) {
      throw new IllegalArgumentException("horizonHours must be 1..24, got " + horizonHours);
    }
    Instant first = testFrom.truncatedTo(ChronoUnit.DAYS);
    if (first.isBefore(testFrom)) {
      first = first.plus(Duration.ofDays(1));
    }
    List<double[]> actualRows = new ArrayList<>();
    Map<String, List<double[]>> forecastRows = new LinkedHashMap<>();
    forecasters.forEach(f -> forecastRows.put(f.id(), new ArrayList<>()));
    int origins = 0;
    int skippedOrigins = 0;
    for (Instant origin = first;
        !origin.plus(Duration.ofDays(1)).isAfter(testTo);
        origin = origin.plus(Duration.ofDays(1))) {
      List<Instant> targets = new ArrayList<>();
      double[] actual = new double[horizonHours];
      boolean complete = true;
      for (int h = 0; h < horizonHours; h++) {
        Instant t = origin.plus(Duration.ofHours(h));
        targets.add(t);
        actual[h] = history.target(t);
        complete &= !Double.isNaN(actual[h]);
      }
      if (!complete) {
        skippedOrigins++;
        continue;
      }
      var past = new PastView(history, origin);
      actualRows.add(actual);
      for (Forecaster f : forecasters) {
        forecastRows.get(f.id()).add(f.forecast(past, targets));
      }
      origins++;
      progress.accept(origins);
    }
    return pair(actualRows, forecastRows, origins, skippedOrigins, horizonHours);
  }

  /** Metrics per forecaster; skill against the persistence ensemble when it is among them. */
  public static EvaluationReport score(PairedForecasts paired) {
    double[] a = paired.actual();
    double[] reference = paired.forecasts().get(Baselines.PERSISTENCE_ENSEMBLE);
    double referenceRmse = reference == null ? Double.NaN : ForecastMetrics.rmse(a, reference);
    Map<String, Metrics> metrics = new LinkedHashMap<>();
    paired.forecasts().forEach((id, f) -> metrics.put(id, ForecastMetrics.of(a, f, referenceRmse)));
    return new EvaluationReport(paired.origins(), a.length, paired.skippedOrigins(), metrics);
  }

  private static PairedForecasts pair(
      List<double[]> actualRows,
      Map<String, List<double[]>> forecastRows,
      int origins,
      int skipped,
      int horizonHours) {
    var leads = new ArrayList<Integer>();
    var actual = new ArrayList<Double>();
    Map<String, List<Double>> paired = new LinkedHashMap<>();
    forecastRows.keySet().forEach(id -> paired.put(id, new ArrayList<>()));
    for (int r = 0; r < actualRows.size(); r++) {
      for (int h = 0; h < horizonHours; h++) {
        boolean all = true;
        for (List<double[]> rows : forecastRows.values()) {
          all &= Double.isFinite(rows.get(r)[h]);
        }
        if (!all) {
          continue;
        }
        leads.add(h);
        actual.add(actualRows.get(r)[h]);
        for (var e : forecastRows.entrySet()) {
          paired.get(e.getKey()).add(e.getValue().get(r)[h]);
        }
      }
    }
    if (actual.isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to score: no full test day with a forecast from every forecaster ("
              + skipped
              + " days incomplete)");
    }
    Map<String, double[]> forecasts = new LinkedHashMap<>();
    paired.forEach((id, f) -> forecasts.put(id, toArray(f)));
    return new PairedForecasts(
        origins,
        skipped,
        leads.stream().mapToInt(Integer::intValue).toArray(),
        toArray(actual),
        forecasts);
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
