package io.voltstream.forecast.cli;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.evaluation.IntervalMetrics;
import io.voltstream.forecast.evaluation.PairedForecasts;
import io.voltstream.forecast.evaluation.WalkForwardEvaluator;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.probabilistic.ResidualQuantiles;
import io.voltstream.forecast.training.TrainingResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured model trained on a history, plus P10/P90 from empirical quantiles of its own
 * out-of-sample day-ahead errors just before the test range: a second fit that stops {@code
 * calibrationDays} earlier forecasts those days, and their residuals are fitted into {@link
 * ResidualQuantiles}. Nothing at or after the history's end is used for either.
 */
record CalibratedModel(Forecaster point, ResidualQuantiles quantiles, int calibrationHours) {
  /** Calibration days at most; a shorter history keeps 14 days for the calibration fit. */
  static final int CALIBRATION_DAYS = 14;

  /** Empty when the model itself cannot be trained (the reason is printed to {@code err}). */
  static Optional<CalibratedModel> train(
      ModelOptions model,
      HourlySeries history,
      CovariateOracle weatherForecast,
      String source,
      PrintWriter err) {
    TrainingResult result =
        ModelForecasters.train(
            model, history, history.start(), history.end(), weatherForecast, source, err);
    if (result instanceof TrainingResult.Failed failed) {
      err.printf("training failed: %s: %s%n", failed.error(), failed.detail());
      return Optional.empty();
    }
    Forecaster point =
        ModelForecasters.forecaster(model, (TrainingResult.Trained) result, weatherForecast);
    Instant end = history.end().truncatedTo(ChronoUnit.DAYS);
    long days =
        Math.min(
            CALIBRATION_DAYS, Duration.between(history.start(), end).toDays() - CALIBRATION_DAYS);
    var samples = new ArrayList<ResidualQuantiles.Sample>();
    Instant calibrationStart = end.minus(Duration.ofDays(Math.max(days, 0)));
    HourlySeries early = history.slice(history.start(), calibrationStart);
    if (days > 0
        && ModelForecasters.train(
                model, early, early.start(), early.end(), weatherForecast, source, err)
            instanceof TrainingResult.Trained inner) {
      Forecaster innerPoint = ModelForecasters.forecaster(model, inner, weatherForecast);
      try {
        PairedForecasts backtest =
            WalkForwardEvaluator.run(
                history, calibrationStart, end, 24, List.of(innerPoint), d -> {});
        double[] f = backtest.forecasts().get(innerPoint.id());
        for (int i = 0; i < f.length; i++) {
          samples.add(
              new ResidualQuantiles.Sample(
                  Duration.ofHours(backtest.leads()[i]), f[i], backtest.actual()[i]));
        }
      } catch (IllegalArgumentException e) {
        err.println("no calibration days for P10/P90: " + e.getMessage());
      }
    } else {
      err.println("history too short for a calibration fit: no P10/P90");
    }
    return Optional.of(new CalibratedModel(point, ResidualQuantiles.fit(samples), samples.size()));
  }

  /** P10/P50/P90 scores of {@code modelId}'s forecasts on these hours; empty without quantiles. */
  Optional<IntervalMetrics> score(PairedForecasts paired, String modelId) {
    double[] f = paired.forecasts().get(modelId);
    int n = f.length;
    double[] p10 = new double[n];
    double[] p50 = new double[n];
    double[] p90 = new double[n];
    for (int i = 0; i < n; i++) {
      var interval = quantiles.apply(Duration.ofHours(paired.leads()[i]), f[i]);
      if (interval.isEmpty()) {
        return Optional.empty();
      }
      p10[i] = interval.get().p10Kwh();
      p50[i] = interval.get().p50Kwh();
      p90[i] = interval.get().p90Kwh();
    }
    return Optional.of(IntervalMetrics.of(paired.actual(), p10, p50, p90));
  }

  /** The point forecaster and the three baselines, in report order. */
  List<Forecaster> withBaselines() {
    var all = new ArrayList<Forecaster>();
    all.add(point);
    all.addAll(Baselines.all());
    return all;
  }
}
