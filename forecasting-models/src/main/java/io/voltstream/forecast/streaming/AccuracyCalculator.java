package io.voltstream.forecast.streaming;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.evaluation.ForecastMetrics;
import io.voltstream.forecast.features.PastView;
import io.voltstream.forecast.probabilistic.LeadBand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares stored forecasts with what happened, per {@link LeadBand}: every stored forecast of an
 * hour of the window whose lead falls in the band is scored against the actual value, and so is the
 * persistence ensemble as it would have been issued at that same lead (origin = hour − lead). Pure.
 */
public final class AccuracyCalculator {
  private AccuracyCalculator() {}

  /** One report per band that has at least one scored forecast. */
  public static List<AccuracyReport> computeAll(
      String building,
      ForecastTarget target,
      Map<Instant, Map<Integer, Double>> forecastsByHourAndLead,
      HourlySeries actuals,
      Instant from,
      Instant to) {
    var out = new ArrayList<AccuracyReport>();
    for (LeadBand band : LeadBand.values()) {
      compute(building, target, band, forecastsByHourAndLead, actuals, from, to)
          .ifPresent(out::add);
    }
    return out;
  }

  public static Optional<AccuracyReport> compute(
      String building,
      ForecastTarget target,
      LeadBand band,
      Map<Instant, Map<Integer, Double>> forecastsByHourAndLead,
      HourlySeries actuals,
      Instant from,
      Instant to) {
    List<Double> a = new ArrayList<>();
    List<Double> f = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
      Map<Integer, Double> byLead = forecastsByHourAndLead.get(hour);
      double actual = actuals.target(hour);
      if (byLead == null || Double.isNaN(actual)) {
        continue;
      }
      for (Map.Entry<Integer, Double> e : byLead.entrySet()) {
        Duration lead = Duration.ofHours(e.getKey());
        // The ensemble reads whole days before its origin, so it exists for leads under 24 h
        // (all the service makes).
        if (lead.isNegative() || lead.toHours() >= 24 || LeadBand.of(lead) != band) {
          continue;
        }
        double baseline =
            Baselines.persistenceEnsemble(new PastView(actuals, hour.minus(lead)), hour);
        if (Double.isNaN(baseline)) {
          continue;
        }
        a.add(actual);
        f.add(e.getValue());
        b.add(baseline);
      }
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
            band,
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
