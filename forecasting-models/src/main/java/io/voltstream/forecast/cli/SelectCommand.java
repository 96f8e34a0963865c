package io.voltstream.forecast.cli;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.data.UciCsvReader;
import io.voltstream.forecast.evaluation.BlendForecaster;
import io.voltstream.forecast.evaluation.CachingForecaster;
import io.voltstream.forecast.evaluation.EvaluationReport;
import io.voltstream.forecast.evaluation.Metrics;
import io.voltstream.forecast.evaluation.WalkForwardEvaluator;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.features.FeatureExtractor;
import io.voltstream.forecast.features.FeatureSpec;
import io.voltstream.forecast.features.Normalization;
import io.voltstream.forecast.features.WeatherMode;
import io.voltstream.forecast.training.ModelForecaster;
import io.voltstream.forecast.training.ModelTrainingService;
import io.voltstream.forecast.training.TrainingResult;
import io.voltstream.forecast.training.TrainingSet;
import io.voltstream.forecast.training.TribuoFitter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Model selection without touching the evaluation window: rolling-origin cross-validation over the
 * last {@code --folds} × {@code --fold-days} days of the training file only. Each fold trains on
 * everything before it and scores day-ahead forecasts on it; configurations are ranked by pooled
 * skill (1 − √ΣSE_model / √ΣSE_ensemble over all folds).
 */
@Command(
    name = "select",
    mixinStandardHelpOptions = true,
    description =
        "Choose normalisation, weather features, trees and blend by cross-validation inside the"
            + " training file.")
public final class SelectCommand implements Callable<Integer> {
  private static final double[] BLENDS = {0.25, 0.5, 0.75, 1.0};

  @Spec CommandSpec spec;

  @Option(names = "--train", required = true, description = "Training CSV; nothing else is read.")
  Path train;

  @Option(
      names = "--target",
      required = true,
      split = ",",
      description = "Column(s) summed into the target.")
  List<String> target;

  @Option(
      names = "--folds",
      defaultValue = "3",
      description = "Validation folds (default ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--fold-days",
      defaultValue = "14",
      description = "Days per fold (default ${DEFAULT-VALUE}).")
  int foldDays;

  @Option(
      names = "--trees",
      split = ",",
      defaultValue = "100,300",
      description = "XGBoost rounds to try.")
  List<Integer> trees;

  @Option(
      names = "--weather-columns",
      split = ",",
      defaultValue = "T_out,RH_out,Tdewpoint,Windspeed",
      description = "Weather columns for the OBSERVED candidates.")
  List<String> weatherColumns;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HourlySeries series = UciCsvReader.read(train, target, weatherColumns);
    Map<String, double[]> sse = new LinkedHashMap<>(); // key → {model SSE, ensemble SSE, hours}
    for (int k = 0; k < folds; k++) {
      Instant foldEnd = series.end().minus(Duration.ofDays((long) (folds - 1 - k) * foldDays));
      Instant foldStart = foldEnd.minus(Duration.ofDays(foldDays));
      HourlySeries visible = series.slice(series.start(), foldEnd);
      err.printf(
          "fold %d/%d: train %s..%s, validate ..%s%n",
          k + 1, folds, series.start(), foldStart, foldEnd);
      for (Normalization normalization : Normalization.values()) {
        for (WeatherMode weather : List.of(WeatherMode.NONE, WeatherMode.OBSERVED)) {
          for (int n : trees) {
            var featureSpec =
                new FeatureSpec(
                    weather == WeatherMode.NONE ? List.of() : weatherColumns,
                    weather,
                    normalization);
            var fx = new FeatureExtractor(featureSpec);
            var set =
                TrainingSet.build(
                    fx,
                    visible,
                    visible.start(),
                    foldStart,
                    Duration.ofDays(1),
                    CovariateOracle.NONE);
            var result =
                new ModelTrainingService(new TribuoFitter(TribuoFitter.Algorithm.XGBOOST, n, "cv"))
                    .train(set);
            if (!(result instanceof TrainingResult.Trained trained)) {
              err.printf("  %s: %s%n", featureSpec, result);
              continue;
            }
            String config =
                String.format(
                    Locale.ROOT,
                    "--normalization %s --weather %s --trees %d",
                    normalization,
                    weather,
                    n);
            Forecaster model =
                new CachingForecaster(
                    new ModelForecaster("model", fx, trained.regressor(), CovariateOracle.NONE));
            List<Forecaster> forecasters = new ArrayList<>();
            for (double blend : BLENDS) {
              forecasters.add(
                  new BlendForecaster(
                      config + String.format(Locale.ROOT, " --blend %.2f", blend),
                      model,
                      Baselines.persistenceEnsemble(),
                      blend));
            }
            forecasters.add(Baselines.persistenceEnsemble());
            EvaluationReport report =
                WalkForwardEvaluator.evaluate(
                    visible, foldStart, foldEnd, 24, forecasters, d -> {});
            Metrics reference = report.metrics().get(Baselines.PERSISTENCE_ENSEMBLE);
            report
                .metrics()
                .forEach(
                    (id, m) -> {
                      if (!id.equals(Baselines.PERSISTENCE_ENSEMBLE)) {
                        double[] acc = sse.computeIfAbsent(id, x -> new double[3]);
                        acc[0] += m.rmse() * m.rmse() * m.hours();
                        acc[1] += reference.rmse() * reference.rmse() * reference.hours();
                        acc[2] += m.hours();
                      }
                    });
            err.printf(
                "  %s: fold skill %.3f (blend 1.0)%n",
                config, report.metrics().get(config + " --blend 1.00").skill());
          }
        }
      }
    }
    out.printf("%-80s %8s %6s%n", "configuration (pooled over folds)", "skill", "hours");
    String best = null;
    double bestSkill = Double.NEGATIVE_INFINITY;
    for (var e : sse.entrySet()) {
      double skill = 1 - Math.sqrt(e.getValue()[0]) / Math.sqrt(e.getValue()[1]);
      out.printf(Locale.ROOT, "%-80s %8.3f %6d%n", e.getKey(), skill, (long) e.getValue()[2]);
      if (skill > bestSkill) {
        bestSkill = skill;
        best = e.getKey();
      }
    }
    out.printf(Locale.ROOT, "best: %s (pooled validation skill %.3f)%n", best, bestSkill);
    out.flush();
    return 0;
  }
}
