package io.voltstream.forecast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.forecast.baselines.Baselines;
import io.voltstream.forecast.baselines.Forecaster;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.data.UciCsvReader;
import io.voltstream.forecast.features.FeatureSet;
import io.voltstream.forecast.features.FeatureSpec;
import io.voltstream.forecast.features.PastView;
import io.voltstream.forecast.features.TargetTransform;
import io.voltstream.forecast.streaming.ForecastPlanner;
import io.voltstream.forecast.training.ModelStore;
import io.voltstream.model.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI on a slice of the real UCI file (3 weeks train, 4 days test), small models. */
class ForecastCommandTest {
  static final Path UCI = locate();

  private static Path locate() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      // The repository keeps a copy under data/ so the tests never depend on files outside the
      // clone.
      Path candidate = p.resolve("data/uci-appliances/energydata_2016-02-14_2016-04-30.csv");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "UCI appliances file not found above " + Path.of("").toAbsolutePath());
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = new CommandLine(new ForecastCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** Rows of the UCI file from 2016-02-14 up to (not including) {@code untilDay} of March. */
  private static void slice(Path all, Path train, Path test) {
    assertThat(
            run(
                    "split",
                    "--input",
                    UCI.toString(),
                    "--at",
                    "2016-03-10",
                    "--before",
                    all.toString(),
                    "--after",
                    all.resolveSibling("rest.csv").toString())
                .exit())
        .isZero();
    assertThat(
            run(
                    "split",
                    "--input",
                    all.toString(),
                    "--at",
                    "2016-03-06",
                    "--before",
                    train.toString(),
                    "--after",
                    test.toString())
                .exit())
        .isZero();
  }

  @Test
  void shouldPrintTheContractJsonAsTheLastLine(@TempDir Path dir) throws Exception {
    Path train = dir.resolve("train.csv");
    Path test = dir.resolve("test.csv");
    slice(dir.resolve("all.csv"), train, test);

    Run r =
        run(
            "evaluate",
            "--train",
            train.toString(),
            "--test",
            test.toString(),
            "--target",
            "Appliances,lights",
            "--horizon",
            "24h",
            "--trees",
            "20",
            "--json");

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    JsonNode json = Json.MAPPER.readTree(lines.get(lines.size() - 1));
    assertThat(json.fieldNames()).toIterable().containsExactly("model", "baselines", "interval");
    assertThat(json.get("interval").fieldNames())
        .toIterable()
        .containsExactly("pinball_p10", "pinball_p50", "pinball_p90", "coverage_80");
    assertThat(json.at("/interval/coverage_80").asDouble()).isBetween(0.0, 1.0);
    assertThat(json.at("/interval/pinball_p90").asDouble()).isPositive();
    assertThat(json.get("baselines").fieldNames())
        .toIterable()
        .containsExactly("persistence_ensemble", "previous_day", "previous_week");
    for (JsonNode figures : List.of(json.get("model"), json.get("baselines").get("previous_day"))) {
      assertThat(figures.fieldNames())
          .toIterable()
          .containsExactly("nrmse", "mae", "rmse", "skill");
      assertThat(figures.get("nrmse").asDouble()).isBetween(1.0, 500.0);
    }
    assertThat(json.at("/baselines/persistence_ensemble/skill").asDouble()).isZero();
    assertThat(r.out()).contains("4 forecast days, 96 hours scored");
    assertThat(r.err()).contains("evaluated day 4/4");
  }

  /** Trains a 20-tree LEVEL model named "consumption" on the training slice in {@code dir}. */
  private static Run trainLevelModel(Path dir, String... options) {
    Path train = dir.resolve("train.csv");
    slice(dir.resolve("all.csv"), train, dir.resolve("test.csv"));
    var args =
        new ArrayList<>(
            List.of(
                "train",
                "--input",
                train.toString(),
                "--target",
                "Appliances,lights",
                "--trees",
                "20",
                "--normalization",
                "LEVEL",
                "--out",
                dir.toString(),
                "--name",
                "consumption"));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  @Test
  void shouldSaveAModelWithMetadataAndValidationFigures(@TempDir Path dir) throws Exception {
    Run r = trainLevelModel(dir, "--validation-days", "3", "--weather", "NONE");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(ModelStore.exists(dir, "consumption")).isTrue();
    var stored = ModelStore.load(dir, "consumption");
    assertThat(stored.metadata().algorithm()).isEqualTo("xgboost");
    assertThat(stored.metadata().targetColumns()).containsExactly("Appliances", "lights");
    assertThat(stored.metadata().metrics())
        .containsKeys("validation.model", "validation.persistence_ensemble");
    assertThat(stored.metadata().featureNames()).contains("lag_24h", "lag_168h", "hour_of_day");
    assertThat(stored.metadata().featureSpec().featureSet())
        .as("the default feature set")
        .isEqualTo(FeatureSet.FULL);
    JsonNode metadata = Json.MAPPER.readTree(ModelStore.metadataFile(dir, "consumption").toFile());
    assertThat(metadata.get("training_from").asText()).isEqualTo("2016-02-14T00:00:00Z");
  }

  @Test
  void shouldSaveAResidualCompactModelThatTheServiceRebuildsAndForecastsWith(@TempDir Path dir)
      throws Exception {
    Run r = trainLevelModel(dir, "--target-transform", "RESIDUAL", "--features", "COMPACT");
    Path train = dir.resolve("train.csv");

    assertThat(r.exit()).as(r.err()).isZero();
    var stored = ModelStore.load(dir, "consumption");
    FeatureSpec spec = stored.metadata().featureSpec();
    assertThat(spec.targetTransform()).isEqualTo(TargetTransform.RESIDUAL);
    assertThat(spec.featureSet()).isEqualTo(FeatureSet.COMPACT);
    assertThat(stored.metadata().featureNames()).doesNotContain("lag_336h", "last_hour");
    HourlySeries series = UciCsvReader.read(train, List.of("Appliances", "lights"), List.of());
    Instant origin = series.end().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    var past = new PastView(series, origin);
    var hours = ForecastPlanner.hours(origin, 24);
    Forecaster model =
        ForecastPlanner.savedModel(past, hours, Optional.of(stored)).forecaster().orElseThrow();

    double[] forecast = model.forecast(past, hours);
    double[] ensemble = Baselines.persistenceEnsemble().forecast(past, hours);

    assertThat(forecast).hasSize(24);
    // the ensemble plus the model's learnt corrections: near the ensemble, but not equal to it
    assertThat(forecast).isNotEqualTo(ensemble);
    for (int h = 0; h < 24; h++) {
      assertThat(forecast[h]).as("hour %d", h).isFinite().isBetween(0.0, 5 * ensemble[h] + 100);
    }
  }

  @Test
  void shouldEvaluateRollingOriginFoldsWithoutATestFile(@TempDir Path dir) throws Exception {
    Path all = dir.resolve("all.csv");
    slice(all, dir.resolve("train.csv"), dir.resolve("test.csv"));

    Run r =
        run(
            "evaluate",
            "--train",
            all.toString(),
            "--target",
            "Appliances,lights",
            "--folds",
            "2",
            "--fold-days",
            "3",
            "--trees",
            "20",
            "--json");

    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    JsonNode json = Json.MAPPER.readTree(lines.get(lines.size() - 1));
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "model", "baselines", "interval", "folds", "mean_skill", "worst_skill", "worst_fold");
    assertThat(json.get("folds")).hasSize(2);
    JsonNode first = json.get("folds").get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "fold", "from", "to", "hours", "model", "persistence_ensemble", "interval");
    // all.csv holds 2016-02-14..03-09: the folds are the last 6 full days
    assertThat(first.get("from").asText()).isEqualTo("2016-03-04T00:00:00Z");
    assertThat(json.at("/folds/1/to").asText()).isEqualTo("2016-03-10T00:00:00Z");
    assertThat(first.get("hours").asInt()).isEqualTo(72);
    assertThat(first.at("/persistence_ensemble/skill").asDouble()).isZero();
    double s1 = first.at("/model/skill").asDouble();
    double s2 = json.at("/folds/1/model/skill").asDouble();
    assertThat(json.get("worst_skill").asDouble()).isEqualTo(Math.min(s1, s2));
    assertThat(json.get("mean_skill").asDouble()).isCloseTo((s1 + s2) / 2, within(1e-3));
    assertThat(json.get("worst_fold").asInt()).isEqualTo(s1 <= s2 ? 1 : 2);
    assertThat(first.at("/interval/coverage_80").asDouble()).isBetween(0.0, 1.0);
    assertThat(r.out()).contains("rolling origin: 2 folds").contains("pooled over all folds:");
    assertThat(r.err()).contains("fold 1/2: train 2016-02-14T00:00:00Z..2016-03-04T00:00:00Z");
  }

  @Test
  void shouldRankConfigurationsByCrossValidationInsideTheTrainingFile(@TempDir Path dir) {
    Path train = dir.resolve("train.csv");
    slice(dir.resolve("all.csv"), train, dir.resolve("test.csv"));

    Run r =
        run(
            "select",
            "--train",
            train.toString(),
            "--target",
            "Appliances,lights",
            "--folds",
            "1",
            "--fold-days",
            "3",
            "--trees",
            "5");

    assertThat(r.exit()).as(r.err()).isZero();
    // 2 normalisations × 2 weather modes × 1 tree count × 4 blends
    assertThat(r.out().lines().filter(l -> l.startsWith("--normalization"))).hasSize(16);
    assertThat(r.out())
        .containsPattern(
            "best: --normalization (NONE|LEVEL) --weather (NONE|OBSERVED) --trees 5 --blend");
  }

  @Test
  void shouldRejectATestFileThatDoesNotFollowTheTrainingFile(@TempDir Path dir) {
    Path train = dir.resolve("train.csv");
    Path test = dir.resolve("test.csv");
    slice(dir.resolve("all.csv"), train, test);

    Run r =
        run(
            "evaluate",
            "--train",
            test.toString(),
            "--test",
            train.toString(),
            "--target",
            "Appliances");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--test must start after --train ends");
  }

  @Test
  void shouldRejectAHorizonOverOneDay(@TempDir Path dir) {
    Run r =
        run(
            "evaluate",
            "--train",
            "a.csv",
            "--test",
            "b.csv",
            "--target",
            "Appliances",
            "--horizon",
            "48h");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--horizon must be whole hours between 1h and 24h");
  }
}
