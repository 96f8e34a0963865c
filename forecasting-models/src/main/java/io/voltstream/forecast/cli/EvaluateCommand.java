package io.voltstream.forecast.cli;

import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.data.UciCsvReader;
import io.voltstream.forecast.evaluation.EvaluationReport;
import io.voltstream.forecast.evaluation.IntervalMetrics;
import io.voltstream.forecast.evaluation.Metrics;
import io.voltstream.forecast.evaluation.PairedForecasts;
import io.voltstream.forecast.evaluation.RollingOriginEvaluator;
import io.voltstream.forecast.evaluation.WalkForwardEvaluator;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.features.WeatherMode;
import io.voltstream.model.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Day-ahead evaluation of the configured model against the persistence baselines. With {@code
 * --test}: trains on the training CSV and forecasts from each midnight of the test CSV (walk
 * forward, history from both files before the origin). Without: rolling-origin evaluation over the
 * training file ({@code --folds} consecutive folds of {@code --fold-days} at its end, each fold's
 * model trained only on what precedes the fold), per fold and pooled. Both report NRMSE, MAE and
 * skill, and pinball loss and 80 % interval coverage of P10/P90 from residual quantiles. With
 * {@code --json} the last stdout line is one JSON object; progress goes to stderr.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Day-ahead evaluation against persistence baselines: rolling-origin folds over --train,"
            + " or a single walk-forward over --test.")
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--train", required = true, description = "Training CSV (UCI appliances format).")
  Path train;

  @Option(
      names = "--test",
      description =
          "Test CSV continuing the training file in time; without it, rolling-origin folds over"
              + " --train.")
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

  @Option(
      names = "--folds",
      defaultValue = "7",
      description = "Rolling-origin folds without --test (default ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--fold-days",
      defaultValue = "7",
      description = "Days per fold (default ${DEFAULT-VALUE}).")
  int foldDays;

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
    int code = test == null ? folds(trainSeries, (int) hours) : split(trainSeries, (int) hours);
    out.flush();
    return code;
  }

  private int split(HourlySeries trainSeries, int hours) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
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
    CovariateOracle weatherForecast = weatherForecast(history);
    Optional<CalibratedModel> calibrated =
        CalibratedModel.train(
            model, trainSeries, weatherForecast, "uci-csv:" + train.getFileName(), err);
    if (calibrated.isEmpty()) {
      return 2;
    }
    int days = (int) Duration.between(testSeries.start(), testSeries.end()).toDays();
    PairedForecasts paired =
        WalkForwardEvaluator.run(
            history,
            testSeries.start(),
            testSeries.end(),
            hours,
            calibrated.get().withBaselines(),
            done -> err.printf("evaluated day %d/%d%n", done, days));
    EvaluationReport report = WalkForwardEvaluator.score(paired);
    Optional<IntervalMetrics> interval = calibrated.get().score(paired, modelId());
    printModel(out);
    printTable(out, report, modelId());
    interval.ifPresent(i -> printInterval(out, i, calibrated.get().calibrationHours()));
    printWeatherNote(out);
    if (json) {
      Map<String, Object> root = jsonResult(report, modelId());
      root.put("interval", interval.map(EvaluateCommand::intervalFigures).orElse(null));
      out.println(Json.MAPPER.writeValueAsString(root));
    }
    return 0;
  }

  private int folds(HourlySeries series, int hours) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<RollingOriginEvaluator.Fold> foldList;
    try {
      foldList = RollingOriginEvaluator.folds(series, folds, foldDays);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--folds/--fold-days: " + e.getMessage());
    }
    CovariateOracle weatherForecast = weatherForecast(series);
    Map<Integer, CalibratedModel> models = new LinkedHashMap<>();
    RollingOriginEvaluator.Report report =
        RollingOriginEvaluator.evaluate(
            series,
            foldList,
            hours,
            (before, fold) -> {
              err.printf(
                  "fold %d/%d: train %s..%s, test ..%s%n",
                  fold.number(), foldList.size(), before.start(), fold.from(), fold.to());
              CalibratedModel m =
                  CalibratedModel.train(
                          model, before, weatherForecast, "uci-csv:" + train.getFileName(), err)
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "fold " + fold.number() + ": training failed"));
              models.put(fold.number(), m);
              return m.withBaselines();
            },
            r -> err.printf("fold %d done%n", r.fold().number()));
    var evaluation = new FoldEvaluation(report, models, modelId());
    printModel(out);
    evaluation.print(out);
    printWeatherNote(out);
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(evaluation.json()));
    }
    return 0;
  }

  private String modelId() {
    return model.algorithm.id();
  }

  private CovariateOracle weatherForecast(HourlySeries history) {
    return model.weather == WeatherMode.PERFECT_FORECAST
        ? history::covariate
        : CovariateOracle.NONE;
  }

  private void printModel(PrintWriter out) {
    var b = model.boosting();
    out.printf(
        "model: %s, %d trees (depth %d, eta %.3f, min child weight %.0f, lambda %.0f, %s loss),"
            + " normalization %s, weather %s, features %s, target transform %s, blend %.2f,"
            + " origin stride %dh%n",
        model.algorithm.id(),
        model.trees,
        b.maxDepth(),
        b.eta(),
        b.minChildWeight(),
        b.lambda(),
        b.objective().id(),
        model.normalization,
        model.weather,
        model.featureSet,
        model.targetTransform,
        model.blend,
        model.originStride.toHours());
  }

  private void printWeatherNote(PrintWriter out) {
    if (model.weather == WeatherMode.PERFECT_FORECAST) {
      out.println(
          "note: PERFECT_FORECAST uses the actual weather of each target day (an upper bound)");
    }
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

  static void printInterval(PrintWriter out, IntervalMetrics i, int calibrationHours) {
    out.printf(
        "P10/P90 from residual quantiles (%d calibration hours before the test range): pinball"
            + " P10 %.2f, P50 %.2f, P90 %.2f; 80 %% interval coverage %.1f %%%n",
        calibrationHours, i.pinballP10(), i.pinballP50(), i.pinballP90(), 100 * i.coverage80());
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

  static Map<String, Object> figures(Metrics m) {
    var f = new LinkedHashMap<String, Object>();
    f.put("nrmse", round(m.nrmse()));
    f.put("mae", round(m.mae()));
    f.put("rmse", round(m.rmse()));
    f.put("skill", round(m.skill()));
    return f;
  }

  static Map<String, Object> intervalFigures(IntervalMetrics i) {
    var f = new LinkedHashMap<String, Object>();
    f.put("pinball_p10", round(i.pinballP10()));
    f.put("pinball_p50", round(i.pinballP50()));
    f.put("pinball_p90", round(i.pinballP90()));
    f.put("coverage_80", round(i.coverage80()));
    return f;
  }

  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
