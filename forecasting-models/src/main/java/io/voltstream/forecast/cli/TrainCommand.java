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
import io.voltstream.forecast.features.FeatureSpec;
import io.voltstream.forecast.features.WeatherMode;
import io.voltstream.forecast.streaming.ForecastTarget;
import io.voltstream.forecast.streaming.InfluxHistoryReader;
import io.voltstream.forecast.training.FittedRegressor;
import io.voltstream.forecast.training.ModelForecaster;
import io.voltstream.forecast.training.ModelMetadata;
import io.voltstream.forecast.training.ModelStore;
import io.voltstream.forecast.training.ModelTrainingService;
import io.voltstream.forecast.training.TrainingResult;
import io.voltstream.forecast.training.TrainingSet;
import io.voltstream.influx.InfluxClient;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * Trains a model on a UCI CSV or on a building's history in InfluxDB and saves it (Tribuo format +
 * metadata JSON). Before the final fit on the whole range it holds out the last {@code
 * --validation-days} of the range, fits on the rest and records the walk-forward figures on the
 * held-out days in the metadata, so every saved model carries an honest accuracy estimate.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a day-ahead model and save it with its metadata.")
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      description = "A UCI-format CSV path, or 'influx' for a building's history in InfluxDB.")
  String input;

  @Option(
      names = "--target",
      split = ",",
      defaultValue = "Appliances,lights",
      description =
          "CSV column(s) summed into the target (default ${DEFAULT-VALUE}); "
              + "for influx: consumption or generation.")
  List<String> target;

  @Option(
      names = "--from",
      description = "First training day (yyyy-mm-dd; default: start of the data).")
  LocalDate from;

  @Option(
      names = "--to",
      description = "First day after the training range (default: end of the data).")
  LocalDate to;

  @Option(
      names = "--validation-days",
      defaultValue = "14",
      description =
          "Days at the end of the range held out for the recorded validation figures (default"
              + " ${DEFAULT-VALUE}; 0 = none).")
  int validationDays;

  @Option(
      names = "--out",
      defaultValue = "var/models",
      description = "Model directory (default ${DEFAULT-VALUE}).")
  Path outDir;

  @Option(
      names = "--name",
      defaultValue = "consumption",
      description =
          "Model file name; the forecast service loads 'consumption' and 'generation' (default"
              + " ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--influx-url",
      defaultValue = "http://localhost:8086",
      description = "InfluxDB URL for --input influx.")
  URI influxUrl;

  @Option(
      names = "--influx-db",
      defaultValue = "voltstream",
      description = "InfluxDB database for --input influx.")
  String influxDb;

  @Option(names = "--building", defaultValue = "demo", description = "Building for --input influx.")
  String building;

  @Option(
      names = "--history-days",
      defaultValue = "60",
      description =
          "Days of InfluxDB history to read, ending at --to or now (default ${DEFAULT-VALUE}).")
  int historyDays;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!(model.blend >= 0 && model.blend <= 1)) {
      throw new ParameterException(
          spec.commandLine(), "--blend must be between 0 and 1, got " + model.blend);
    }
    if (validationDays < 0) {
      throw new ParameterException(
          spec.commandLine(), "--validation-days must be ≥ 0, got " + validationDays);
    }
    boolean influx = input.equalsIgnoreCase("influx");
    FeatureSpec featureSpec = model.featureSpec();
    HourlySeries series;
    String source;
    String unit;
    if (influx) {
      if (model.weather != WeatherMode.NONE) {
        err.println("InfluxDB history has no weather columns: training with --weather NONE");
        featureSpec = featureSpec.withoutWeather();
      }
      ForecastTarget kind = ForecastTarget.parse(target.get(0));
      Instant now =
          to == null
              ? Clock.systemUTC().instant().truncatedTo(ChronoUnit.HOURS)
              : to.atStartOfDay().toInstant(ZoneOffset.UTC);
      var reader = new InfluxHistoryReader(new InfluxClient(influxUrl, influxDb));
      series =
          reader.hourly(building, kind, now.minus(Duration.ofDays(historyDays)), now).trimmed();
      if (series.size() == 0) {
        err.printf(
            "no %s history for building %s in the last %d days%n",
            kind.id(), building, historyDays);
        return 3;
      }
      source = "influx:" + influxDb + "/" + building + "/" + kind.id();
      unit = "kWh";
    } else {
      series = UciCsvReader.read(Path.of(input), target, featureSpec.weatherColumns());
      source = "uci-csv:" + Path.of(input).getFileName() + ":" + String.join("+", target);
      unit = "Wh";
    }
    Instant start = from == null ? series.start() : from.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = to == null ? series.end() : to.atStartOfDay().toInstant(ZoneOffset.UTC);
    series =
        series.slice(series.start(), end); // nothing after the range is visible, even to features
    var extractor = new FeatureExtractor(featureSpec);
    HourlySeries seen = series;
    CovariateOracle weatherForecast =
        featureSpec.weatherMode() == WeatherMode.PERFECT_FORECAST
            ? seen::covariate
            : CovariateOracle.NONE;
    var fitter = ModelForecasters.fitter(model, source);
    var service = new ModelTrainingService(fitter);

    Map<String, Metrics> metrics = new LinkedHashMap<>();
    if (validationDays > 0) {
      Instant validationStart = end.minus(Duration.ofDays(validationDays));
      err.printf(
          "validation: fit %s..%s, score %s..%s%n", start, validationStart, validationStart, end);
      var set =
          TrainingSet.build(
              extractor, series, start, validationStart, model.originStride, weatherForecast);
      if (service.train(set) instanceof TrainingResult.Trained t) {
        List<Forecaster> forecasters = new ArrayList<>();
        forecasters.add(
            ModelForecasters.withBlend(
                fitter.algorithm(),
                new ModelForecaster(fitter.algorithm(), extractor, t.regressor(), weatherForecast),
                model.blend));
        forecasters.addAll(Baselines.all());
        try {
          EvaluationReport report =
              WalkForwardEvaluator.evaluate(
                  series,
                  validationStart,
                  end,
                  24,
                  forecasters,
                  done -> err.printf("validated day %d/%d%n", done, validationDays));
          report
              .metrics()
              .forEach(
                  (id, m) ->
                      metrics.put(
                          "validation." + (id.equals(fitter.algorithm()) ? "model" : id), m));
          EvaluateCommand.printTable(out, report, fitter.algorithm());
        } catch (IllegalArgumentException e) {
          err.println("validation skipped: " + e.getMessage());
        }
      } else {
        err.println("validation skipped: the range before the validation days is too short");
      }
    }
    var set = TrainingSet.build(extractor, series, start, end, model.originStride, weatherForecast);
    err.printf("training %s on %d samples…%n", fitter.algorithm(), set.size());
    TrainingResult result = service.train(set);
    if (result instanceof TrainingResult.Failed failed) {
      err.printf("training failed: %s: %s%n", failed.error(), failed.detail());
      return 2;
    }
    FittedRegressor regressor = ((TrainingResult.Trained) result).regressor();
    Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String modelId = name + "-" + fitter.algorithm() + "-" + created.getEpochSecond();
    var metadata =
        new ModelMetadata(
            modelId,
            fitter.algorithm(),
            model.trees,
            List.copyOf(target),
            unit,
            featureSpec,
            extractor.names(),
            start,
            end,
            (int) model.originStride.toHours(),
            model.blend,
            set.size(),
            metrics,
            created,
            regressor.provenance());
    ModelStore.save(outDir, name, regressor, metadata);
    out.printf(
        "saved %s → %s (%s)%n",
        modelId, ModelStore.modelFile(outDir, name), ModelStore.metadataFile(outDir, name));
    out.flush();
    return 0;
  }
}
