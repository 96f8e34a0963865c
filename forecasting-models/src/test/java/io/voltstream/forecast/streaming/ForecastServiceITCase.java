package io.voltstream.forecast.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.ShiftingRoutine;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.features.FeatureExtractor;
import io.voltstream.forecast.features.FeatureSpec;
import io.voltstream.forecast.features.Normalization;
import io.voltstream.forecast.probabilistic.LeadBand;
import io.voltstream.forecast.pv.GenerationModels;
import io.voltstream.forecast.training.ModelMetadata;
import io.voltstream.forecast.training.ModelStore;
import io.voltstream.forecast.training.ModelTrainingService;
import io.voltstream.forecast.training.TrainingResult;
import io.voltstream.forecast.training.TrainingSet;
import io.voltstream.forecast.training.TribuoFitter;
import io.voltstream.influx.Series;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.Json;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forecast service against a real influxd (reads room_metrics, writes forecasts and accuracy)
 * and a real Kafka broker (publishes each batch to {@code forecasts}).
 */
class ForecastServiceITCase {
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  private static final Instant DATA_START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant ORIGIN = DATA_START.plus(Duration.ofDays(10));

  @TempDir Path modelDir;
  private String db;

  @BeforeEach
  void writeTenDaysOfRoomMetricsAndAModel() throws Exception {
    db = INFLUX.freshDatabase();
    // 11 days of 10-minute room_metrics for building b1 (two rooms; r2 has a PV meter), so the
    // hours after the first origin have actual values for the accuracy check.
    var lines = new ArrayList<String>();
    for (Instant t = DATA_START;
        t.isBefore(ORIGIN.plus(Duration.ofDays(1)));
        t = t.plus(Duration.ofMinutes(10))) {
      int hour = t.atZone(ZoneOffset.UTC).getHour();
      double load = 0.05 + 0.03 * Math.sin(hour / 24.0 * 2 * Math.PI);
      double pv = hour >= 7 && hour <= 17 ? 0.02 * Math.sin((hour - 7) / 10.0 * Math.PI) : 0;
      lines.add("room_metrics,building=b1,room=r1 energy_kwh=" + load + " " + t.toEpochMilli());
      lines.add(
          "room_metrics,building=b1,room=r2 energy_kwh="
              + load / 2
              + ",generation_kwh="
              + pv
              + " "
              + t.toEpochMilli());
    }
    INFLUX.write(db, String.join("\n", lines));

    // A real XGBoost consumption model in kWh, trained on a similar synthetic history.
    var fx = new FeatureExtractor(FeatureSpec.loadOnly(Normalization.LEVEL));
    HourlySeries synthetic = ForecastTestData.dailyShape(21, 0.5);
    var set =
        TrainingSet.build(
            fx,
            synthetic,
            synthetic.start(),
            synthetic.end(),
            Duration.ofDays(1),
            CovariateOracle.NONE);
    var trained =
        (TrainingResult.Trained)
            new ModelTrainingService(
                    new TribuoFitter(TribuoFitter.Algorithm.XGBOOST, 30, "synthetic"))
                .train(set);
    var metadata =
        new ModelMetadata(
            "consumption-xgboost-it",
            "xgboost",
            30,
            List.of("energy_kwh"),
            "kWh",
            fx.spec(),
            fx.names(),
            synthetic.start(),
            synthetic.end(),
            24,
            1.0,
            set.size(),
            Map.of(),
            Instant.EPOCH,
            trained.regressor().provenance());
    ModelStore.save(modelDir, "consumption", trained.regressor(), metadata);
  }

  private ForecastService serviceAt(Instant now) {
    var config =
        new ForecastConfig(
            URI.create(INFLUX.url()), db, modelDir, List.of(), Duration.ofHours(1), 24, 35, 168);
    return new ForecastService(config, INFLUX.client(db), Clock.fixed(now, ZoneOffset.UTC));
  }

  private List<Series> query(String q) {
    return INFLUX.query(db, q);
  }

  @Test
  void shouldWriteTwentyFourModelForecastsAndAnEnsembleFallbackForGeneration() {
    try (ForecastService service = serviceAt(ORIGIN.plus(Duration.ofMinutes(5)))) {
      ForecastService.RunSummary summary = service.runOnce();

      assertThat(summary.failures()).isEmpty();
      // building-wide consumption and generation, and consumption of each metered room
      assertThat(summary.batches())
          .extracting(b -> b.room() + "/" + b.target().id())
          .containsExactlyInAnyOrder(
              "null/consumption", "null/generation", "r1/consumption", "r2/consumption");
    }

    Series consumption =
        query(
                "SELECT value_kwh, lead_hours FROM forecasts WHERE building = 'b1' AND target ="
                    + " 'consumption' AND model_id = 'consumption-xgboost-it' AND fallback ="
                    + " 'false' AND room = ''")
            .get(0);
    List<List<Object>> rows = consumption.values();
    assertThat(rows).hasSize(24);
    assertThat(consumption.time(rows.get(0))).isEqualTo(ORIGIN);
    assertThat(Series.number(rows.get(0), 1)).isBetween(0.0, 1.0);
    assertThat(Series.number(rows.get(23), 2)).isEqualTo(23);

    List<Series> generation =
        query(
            "SELECT count(value_kwh) FROM forecasts WHERE target = 'generation' AND model_id ="
                + " 'persistence_ensemble' AND fallback = 'true' AND fallback_reason ="
                + " 'model_missing'");
    assertThat(InfluxExtension.firstValue(generation, 1)).isEqualTo(24);

    // r2 meters half of r1's load: its own forecast is about half of r1's
    double r1 =
        InfluxExtension.firstValue(
            query("SELECT sum(value_kwh) FROM forecasts WHERE room = 'r1'"), 1);
    double r2 =
        InfluxExtension.firstValue(
            query("SELECT sum(value_kwh) FROM forecasts WHERE room = 'r2'"), 1);
    assertThat(r2 / r1).isBetween(0.4, 0.6);
    // ten days of history: the ensemble has a week of errors to give every hour a P10/P90
    Series quantiles =
        query(
                "SELECT value_kwh, p10_kwh, p90_kwh FROM forecasts WHERE target = 'generation'"
                    + " AND room = ''")
            .get(0);
    assertThat(quantiles.values())
        .hasSize(24)
        .allSatisfy(
            row -> {
              assertThat(Series.number(row, 2))
                  .isNotNull()
                  .isLessThanOrEqualTo(Series.number(row, 1));
              assertThat(Series.number(row, 3))
                  .isNotNull()
                  .isGreaterThanOrEqualTo(Series.number(row, 1));
            });
  }

  @Test
  void shouldPublishEveryWrittenBatchToKafkaKeyedByBuilding() throws Exception {
    String topic = KAFKA.uniqueName("forecasts");
    KAFKA.createTopic(topic, 2);
    Instant now = ORIGIN.plus(Duration.ofMinutes(5));
    var config =
        new ForecastConfig(
            URI.create(INFLUX.url()),
            db,
            modelDir,
            List.of(),
            Duration.ofHours(1),
            24,
            35,
            168,
            Optional.of(KAFKA.bootstrapServers()));
    var publisher = new ForecastPublisher(KAFKA.bootstrapServers(), topic);
    try (ForecastService service =
        new ForecastService(
            config, INFLUX.client(db), Clock.fixed(now, ZoneOffset.UTC), Optional.of(publisher))) {
      assertThat(service.runOnce().batches()).hasSize(4); // two of them rooms: not published
      publisher.flush();
      assertThat(publisher.publishedCount()).isEqualTo(2);
      assertThat(publisher.failedCount()).isZero();
    }

    List<ConsumerRecord<String, String>> records = KAFKA.consume(topic, 2, Duration.ofSeconds(20));
    assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.key()).isEqualTo("b1"));
    var byTarget = new java.util.HashMap<String, JsonNode>();
    for (ConsumerRecord<String, String> r : records) {
      JsonNode n = Json.MAPPER.readTree(r.value());
      byTarget.put(n.path("target").asText(), n);
    }
    JsonNode consumption = byTarget.get("consumption");
    assertThat(consumption.path("building").asText()).isEqualTo("b1");
    assertThat(consumption.path("model_id").asText()).isEqualTo("consumption-xgboost-it");
    assertThat(consumption.path("fallback").asBoolean()).isFalse();
    assertThat(consumption.path("issued_at").asText()).isEqualTo(now.toString());
    assertThat(consumption.path("values")).hasSize(24);
    assertThat(consumption.at("/values/0/hour").asText()).isEqualTo(ORIGIN.toString());
    assertThat(consumption.at("/values/0/value_kwh").asDouble()).isBetween(0.0, 1.0);
    assertThat(consumption.at("/values/0/p10_kwh").isNumber()).isTrue();
    assertThat(consumption.at("/values/0/p90_kwh").asDouble())
        .isGreaterThanOrEqualTo(consumption.at("/values/0/value_kwh").asDouble());
    assertThat(consumption.at("/guard/candidate_model_id").asText())
        .isEqualTo("consumption-xgboost-it");
    JsonNode generation = byTarget.get("generation");
    assertThat(generation.path("fallback").asBoolean()).isTrue();
    assertThat(generation.path("fallback_reason").asText()).isEqualTo("model_missing");
  }

  @Test
  void shouldStillWriteForecastsWhenKafkaIsUnreachable() {
    var config =
        new ForecastConfig(
            URI.create(INFLUX.url()), db, modelDir, List.of(), Duration.ofHours(1), 24, 35, 168);
    // Port 9 (discard) has no broker: sends fail after max.block.ms, the run must not.
    var publisher = new ForecastPublisher("127.0.0.1:9", KAFKA.uniqueName("forecasts"));
    try (ForecastService service =
        new ForecastService(
            config,
            INFLUX.client(db),
            Clock.fixed(ORIGIN, ZoneOffset.UTC),
            Optional.of(publisher))) {
      ForecastService.RunSummary summary = service.runOnce();
      publisher.flush();

      assertThat(summary.failures()).isEmpty();
      assertThat(summary.batches()).hasSize(4);
      assertThat(publisher.failedCount()).isEqualTo(2);
      assertThat(publisher.publishedCount()).isZero();
    }
    assertThat(InfluxExtension.firstValue(query("SELECT count(value_kwh) FROM forecasts"), 1))
        .isEqualTo(4 * 24);
  }

  @Test
  void shouldOverwriteInsteadOfDuplicatingWhenRerunForTheSameHour() {
    try (ForecastService service = serviceAt(ORIGIN)) {
      service.runOnce();
      service.runOnce();
    }

    assertThat(InfluxExtension.firstValue(query("SELECT count(value_kwh) FROM forecasts"), 1))
        .isEqualTo(4 * 24);
  }

  @Test
  void shouldTrainFromInfluxHistoryAndThenForecastWithThatModel() {
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    var cmd = new picocli.CommandLine(new io.voltstream.forecast.cli.ForecastCommand());
    cmd.setOut(new java.io.PrintWriter(out));
    cmd.setErr(new java.io.PrintWriter(err));
    Path influxModels = modelDir.resolve("from-influx");

    int exit =
        cmd.execute(
            "train",
            "--input",
            "influx",
            "--influx-url",
            INFLUX.url(),
            "--influx-db",
            db,
            "--building",
            "b1",
            "--target",
            "consumption",
            "--to",
            "2026-11-12",
            "--history-days",
            "20",
            "--validation-days",
            "2",
            "--trees",
            "20",
            "--weather",
            "OBSERVED",
            "--out",
            influxModels.toString(),
            "--name",
            "consumption");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).contains("training with --weather NONE");
    var config =
        new ForecastConfig(
            URI.create(INFLUX.url()),
            db,
            influxModels,
            List.of("b1"),
            Duration.ofHours(1),
            24,
            35,
            168);
    try (var service =
        new ForecastService(config, INFLUX.client(db), Clock.fixed(ORIGIN, ZoneOffset.UTC))) {
      ForecastBatch consumption =
          service.runOnce().batches().stream()
              .filter(b -> b.target() == ForecastTarget.CONSUMPTION && b.room() == null)
              .findFirst()
              .orElseThrow();
      assertThat(consumption.fallback()).isFalse();
      assertThat(consumption.modelId()).startsWith("consumption-xgboost-");
      assertThat(consumption.values()).hasSize(24);
    }
  }

  @Test
  void shouldScoreStoredForecastsAgainstActualsInForecastAccuracy() {
    try (ForecastService first = serviceAt(ORIGIN)) {
      first.runOnce();
    }
    ForecastService.RunSummary later;
    try (ForecastService second = serviceAt(ORIGIN.plus(Duration.ofHours(3)))) {
      later = second.runOnce();
    }

    // the first run's forecasts of the three hours since, at leads 0..2: all in the 0-6h band
    assertThat(later.accuracy())
        .allSatisfy(r -> assertThat(r.leadBand()).isEqualTo(LeadBand.H0_6))
        .extracting(AccuracyReport::hours)
        .containsOnly(3);
    Series accuracy =
        query(
                "SELECT hours, nrmse_percent, skill FROM forecast_accuracy WHERE building = 'b1'"
                    + " AND target = 'consumption' AND lead_band = '0-6h'")
            .get(0);
    List<Object> row = accuracy.values().get(0);
    assertThat(accuracy.time(row)).isEqualTo(ORIGIN.plus(Duration.ofHours(3)));
    assertThat(Series.number(row, 1)).isEqualTo(3);
    assertThat(Series.number(row, 2)).isBetween(0.0, 100.0);
    assertThat(row.get(3)).isInstanceOf(Number.class);
  }

  @Test
  void shouldSwitchToTheBaselineAfterABehaviourShiftAndBack() {
    Map<Integer, ForecastBatch> byDay = runShiftingRoutine(false);

    var served = new ArrayList<String>();
    byDay.forEach((day, b) -> served.add(day + ":" + b.modelId()));
    int off = firstDay(byDay, "persistence_ensemble", 20);
    int back = firstDay(byDay, "routine-model", off);
    assertThat(off)
        .as(served.toString())
        .isBetween(ShiftingRoutine.SHIFT_DAY + 1, ShiftingRoutine.SHIFT_DAY + 7);
    assertThat(back)
        .as(served.toString())
        .isBetween(ShiftingRoutine.RETURN_DAY + 1, ShiftingRoutine.RETURN_DAY + 7);
    // served as it says: the ensemble with the guard's reason in between, the model before/after
    assertThat(byDay.entrySet())
        .allSatisfy(
            e -> {
              boolean baseline = e.getKey() >= off && e.getKey() < back;
              assertThat(e.getValue().fallback()).as("day %d", e.getKey()).isEqualTo(baseline);
            });
    List<Series> reasons =
        query(
            "SELECT count(value_kwh) FROM forecasts WHERE building = 'g1' AND target ="
                + " 'generation' AND fallback_reason = 'guard_baseline_better' AND"
                + " candidate_model_id = 'routine-model'");
    // every run in between wrote 24 hours, each at its own lead
    assertThat(InfluxExtension.firstValue(reasons, 1)).isEqualTo(24.0 * (back - off));
  }

  /**
   * A service restarted before every run serves what one long-running service serves, and the
   * guard's last choice is read back from the last run's points. (In this routine the skill never
   * lands inside the hysteresis band on a run day, where a service starting from the model would
   * differ; {@code ProductionGuardTest} covers the band with a given previous choice.)
   */
  @Test
  void shouldServeTheSameSequenceWhenRestartedAndReadTheLastChoiceBack() {
    Map<Integer, ForecastBatch> continuous = runShiftingRoutine(false);
    db = INFLUX.freshDatabase();
    Map<Integer, ForecastBatch> restarted = runShiftingRoutine(true);

    assertThat(restarted.keySet()).isEqualTo(continuous.keySet());
    assertThat(restarted)
        .allSatisfy(
            (day, batch) ->
                assertThat(batch.modelId())
                    .as("day %d", day)
                    .isEqualTo(continuous.get(day).modelId()));
    int off = firstDay(restarted, "persistence_ensemble", 20);
    Instant start = Instant.parse("2026-08-03T00:00:00Z");
    var influx = INFLUX.client(db);
    Duration week = Duration.ofDays(7);
    assertThat(lastByGuard(influx, start.plus(Duration.ofDays(off)).plusSeconds(3600), week))
        .contains(true);
    assertThat(lastByGuard(influx, start.plus(Duration.ofDays(off - 1)).plusSeconds(3600), week))
        .contains(false);
    assertThat(lastByGuard(influx, start.plus(Duration.ofDays(10)), week)).isEmpty();
  }

  private static Optional<Boolean> lastByGuard(
      io.voltstream.influx.InfluxClient influx, Instant before, Duration lookback) {
    return StoredForecasts.lastServedByGuardBaseline(
        influx, "g1", null, ForecastTarget.GENERATION, before, lookback);
  }

  /**
   * Writes the shifting routine and runs the service once per day from day 20 (a new service per
   * run when {@code restartEachDay}); the generation batch of each day.
   */
  private Map<Integer, ForecastBatch> runShiftingRoutine(boolean restartEachDay) {
    Instant start = Instant.parse("2026-08-03T00:00:00Z");
    HourlySeries routine = ShiftingRoutine.history(start);
    var lines = new ArrayList<String>();
    for (int i = 0; i < routine.size(); i++) {
      lines.add(
          "room_metrics,building=g1,room=roof generation_kwh="
              + routine.targetAt(i)
              + " "
              + routine.timeAt(i).toEpochMilli());
    }
    INFLUX.write(db, String.join("\n", lines));
    var config =
        new ForecastConfig(
            URI.create(INFLUX.url()),
            db,
            modelDir,
            List.of("g1"),
            Duration.ofHours(1),
            24,
            35,
            168);
    var clock = new SteppedClock(start);
    // the routine model stands in for g1's PV forecaster (the GenerationModels seam)
    GenerationModels pv = b -> Optional.of(ShiftingRoutine.MODEL);
    Map<Integer, ForecastBatch> byDay = new java.util.TreeMap<>();
    ForecastService service = null;
    try {
      for (int day = 20; day < ShiftingRoutine.DAYS; day++) {
        if (service == null || restartEachDay) {
          if (service != null) {
            service.close();
          }
          service = new ForecastService(config, INFLUX.client(db), clock, Optional.empty(), pv);
        }
        clock.now = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(5));
        ForecastService.RunSummary summary = service.runOnce();
        assertThat(summary.failures()).isEmpty();
        byDay.put(
            day,
            summary.batches().stream()
                .filter(b -> b.target() == ForecastTarget.GENERATION)
                .findFirst()
                .orElseThrow());
      }
    } finally {
      if (service != null) {
        service.close();
      }
    }
    return byDay;
  }

  private static int firstDay(Map<Integer, ForecastBatch> byDay, String modelId, int from) {
    return byDay.entrySet().stream()
        .filter(e -> e.getKey() > from && e.getValue().modelId().equals(modelId))
        .mapToInt(Map.Entry::getKey)
        .findFirst()
        .orElse(-1);
  }

  /** A clock the test moves from run to run. */
  private static final class SteppedClock extends Clock {
    volatile Instant now;

    SteppedClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
