package io.voltstream.forecast.streaming;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.evaluation.ForecastMetrics;
import io.voltstream.forecast.features.PastView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares stored forecasts with what happened: for each hour of the window that has a forecast and
 * an actual value, the error of the forecast and of the persistence ensemble as it would have been
 * computed before that hour's day. Pure.
 */
public final class AccuracyCalculator {
  private AccuracyCalculator() {}

  public static Optional<AccuracyReport> compute(
      String building,
      ForecastTarget target,
      Map<Instant, Double> forecasts,
      HourlySeries actuals,
      Instant from,
      Instant to) {
    List<Double> a = new ArrayList<>();
    List<Double> f = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
      Double forecast = forecasts.get(hour);
      double actual = actuals.target(hour);
      if (forecast == null || Double.isNaN(actual)) {
        continue;
      }
      // The ensemble at its day-ahead origin: midnight of the hour's day.
      Instant origin = hour.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
      double baseline = Baselines.persistenceEnsemble(new PastView(actuals, origin), hour);
      if (Double.isNaN(baseline)) {
        continue;
      }
      a.add(actual);
      f.add(forecast);
      b.add(baseline);
    }
    if (a.isEmpty()) {
      return Optional.empty();
    }
    double[] actual = a.stream().mapToDouble(Double::doubleValue).toArray();
    double[] forecast = f.stream().mapToDouble(Double::doubleValue).toArray();
    double[] baseline = b.stream().mapToDouble(Double::doubleValue).toArray();
    double rmse = ForecastMetrics.rmse(actual, forecast);
    double baselineRmse = ForecastMetrics.rmse(actual, baseline);
    return Optional.of(
        new AccuracyReport(
            building,
            target,
            to,
            (int) Duration.between(from, to).toHours(),
            actual.length,
            ForecastMetrics.nrmsePercent(actual, forecast),
            ForecastMetrics.skill(rmse, baselineRmse),
            ForecastMetrics.mae(actual, forecast),
            rmse,
            baselineRmse));
  }
}
