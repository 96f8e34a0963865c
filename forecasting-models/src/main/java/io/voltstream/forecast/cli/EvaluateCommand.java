package io.voltstream.forecast.cli;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.data.UciCsvReader;
import io.voltstream.forecast.evaluation.EvaluationReport;
import io.voltstream.forecast.evaluation.Metrics;
import io.voltstream.forecast.evaluation.WalkForwardEvaluator;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.features.FeatureExtractor;
import io.voltstream.forecast.features.WeatherMode;
import io.voltstream.forecast.training.ModelForecaster;
import io.voltstream.forecast.training.ModelTrainingService;
import io.voltstream.forecast.training.TrainingResult;
import io.voltstream.forecast.training.TrainingSet;
import io.voltstream.forecast.training.TribuoFitter;
import io.voltstream.model.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Trains on the training CSV, then forecasts day-ahead from each midnight of the test CSV (walk
 * forward, history from both files before the origin) and prints NRMSE, MAE and skill of the model
 * and of the three persistence baselines. With {@code --json} the last stdout line is one JSON
 * object; progress goes to stderr.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Walk-forward day-ahead evaluation of a model against persistence baselines.")
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--train", required = true, description = "Training CSV (UCI appliances format).")
  Path train;

  @Option(
      names = "--test",
      required = true,
      description = "Test CSV; continues the training file in time.")
  Path test;

  @Option(
      names = "--target",
      required = true,
      split = ",",
      description = "Column(s) summed into the target, e.g. Appliances,lights.")
  List<String> target;

  @Option(
      names = "--horizon",
      defaultValue = "24h",
      converter = DurationConverter.class,
      description = "Hours scored after each midnight origin, 1h..24h (default ${DEFAULT-VALUE}).")
  Duration horizon;

  @Option(names = "--json", description = "Print the result as one JSON object on the last line.")
  boolean json;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long hours = horizon.toHours();
    if (hours < 1 || hours > 24 || !horizon.equals(Duration.ofHours(hours))) {
      throw new ParameterException(
          spec.commandLine(), "--horizon must be whole hours between 1h and 24h, got " + horizon);
    }
    HourlySeries trainSeries = UciCsvReader.read(train, target, model.covariateColumns());
    HourlySeries testSeries = UciCsvReader.read(test, target, model.covariateColumns());
    if (testSeries.start().isBefore(trainSeries.end())) {
      throw new ParameterException(
          spec.commandLine(),
          "--test must start after --train ends ("
              + trainSeries.end()
              + "), it starts "
              + testSeries.start());
    }
    HourlySeries history = trainSeries.concat(testSeries);
    err.printf(
        "train %s..%s (%d h), test %s..%s (%d h)%n",
        trainSeries.start(),
        trainSeries.end(),
        trainSeries.size(),
        testSeries.start(),
        testSeries.end(),
        testSeries.size());

    var extractor = new FeatureExtractor(model.featureSpec());
    CovariateOracle weatherForecast =
        model.weather == WeatherMode.PERFECT_FORECAST ? history::covariate : CovariateOracle.NONE;
    var set =
        TrainingSet.build(
            extractor,
            trainSeries,
            trainSeries.start(),
            trainSeries.end(),
            model.originStride,
            weatherForecast);
    err.printf(
        "training %s on %d samples (%d skipped: first week has no lags)…%n",
        model.algorithm.id(), set.size(), set.skipped());
    var fitter = new TribuoFitter(model.algorithm, model.trees, "uci-csv:" + train.getFileName());
    TrainingResult result = new ModelTrainingService(fitter).train(set);
    if (result instanceof TrainingResult.Failed failed) {
      err.printf("training failed: %s: %s%n", failed.error(), failed.detail());
      return 2;
    }
    var trained = (TrainingResult.Trained) result;
    List<Forecaster> forecasters = new ArrayList<>();
    forecasters.add(
        ModelForecasters.withBlend(
            model.algorithm.id(),
            new ModelForecaster(
                model.algorithm.id(), extractor, trained.regressor(), weatherForecast),
            model.blend));
    forecasters.addAll(Baselines.all());
    int days = (int) Duration.between(testSeries.start(), testSeries.end()).toDays();
    EvaluationReport report =
        WalkForwardEvaluator.evaluate(
            history,
            testSeries.start(),
            testSeries.end(),
            (int) hours,
            forecasters,
            done -> err.printf("evaluated day %d/%d%n", done, days));
    out.printf(
        "model: %s, %d trees, normalization %s, weather %s, blend %.2f, origin stride %dh, trained"
            + " on %d samples%n",
        model.algorithm.id(),
        model.trees,
        model.normalization,
        model.weather,
        model.blend,
        model.originStride.toHours(),
        trained.samples());
    printTable(out, report, model.algorithm.id());
    if (model.weather == WeatherMode.PERFECT_FORECAST) {
      out.println(
          "note: PERFECT_FORECAST uses the actual weather of each target day (an upper bound)");
    }
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(jsonResult(report, model.algorithm.id())));
    }
    out.flush();
    return 0;
  }

  static void printTable(PrintWriter out, EvaluationReport report, String modelId) {
    out.printf(
        "%d forecast days, %d hours scored (%d days skipped as incomplete)%n",
        report.origins(), report.hours(), report.skippedOrigins());
    out.printf("%-22s %9s %10s %10s %8s%n", "forecaster", "NRMSE %", "MAE", "RMSE", "skill");
    report
        .metrics()
        .forEach(
            (id, m) ->
                out.printf(
                    "%-22s %9.2f %10.2f %10.2f %8.3f%n",
                    id.equals(modelId) ? "model (" + id + ")" : id,
                    m.nrmse(),
                    m.mae(),
                    m.rmse(),
                    m.skill()));
  }

  /** The contract shape: {"model": {...}, "baselines": {"persistence_ensemble": {...}, ...}}. */
  static Map<String, Object> jsonResult(EvaluationReport report, String modelId) {
    var baselines = new LinkedHashMap<String, Object>();
    for (String id :
        List.of(Baselines.PERSISTENCE_ENSEMBLE, Baselines.PREVIOUS_DAY, Baselines.PREVIOUS_WEEK)) {
      baselines.put(id, figures(report.metrics().get(id)));
    }
    var root = new LinkedHashMap<String, Object>();
    root.put("model", figures(report.metrics().get(modelId)));
    root.put("baselines", baselines);
    return root;
  }

  private static Map<String, Object> figures(Metrics m) {
    var f = new LinkedHashMap<String, Object>();
    f.put("nrmse", round(m.nrmse()));
    f.put("mae", round(m.mae()));
    f.put("skill", round(m.skill()));
    return f;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
