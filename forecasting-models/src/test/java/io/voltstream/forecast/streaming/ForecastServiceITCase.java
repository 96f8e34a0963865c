package io.voltstream.forecast.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.forecast.ForecastTestData;
import io.voltstream.forecast.data.HourlySeries;
import io.voltstream.forecast.features.CovariateOracle;
import io.voltstream.forecast.features.FeatureExtractor;
import io.voltstream.forecast.features.FeatureSpec;
import io.voltstream.forecast.features.Normalization;
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
      assertThat(summary.batches()).hasSize(2);
    }

    Series consumption =
        query(
                "SELECT value_kwh, lead_hours FROM forecasts WHERE building = 'b1' AND target ="
                    + " 'consumption' AND model_id = 'consumption-xgboost-it' AND fallback ="
                    + " 'false'")
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
      assertThat(service.runOnce().batches()).hasSize(2);
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
      assertThat(summary.batches()).hasSize(2);
      assertThat(publisher.failedCount()).isEqualTo(2);
      assertThat(publisher.publishedCount()).isZero();
    }
    assertThat(InfluxExtension.firstValue(query("SELECT count(value_kwh) FROM forecasts"), 1))
        .isEqualTo(48);
  }

  @Test
  void shouldOverwriteInsteadOfDuplicatingWhenRerunForTheSameHour() {
    try (ForecastService service = serviceAt(ORIGIN)) {
      service.runOnce();
      service.runOnce();
    }

    assertThat(InfluxExtension.firstValue(query("SELECT count(value_kwh) FROM forecasts"), 1))
        .isEqualTo(48);
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
              .filter(b -> b.target() == ForecastTarget.CONSUMPTION)
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

    assertThat(later.accuracy()).extracting(AccuracyReport::hours).containsOnly(3);
    Series accuracy =
        query(
                "SELECT hours, nrmse_percent, skill FROM forecast_accuracy WHERE building = 'b1'"
                    + " AND target = 'consumption'")
            .get(0);
    List<Object> row = accuracy.values().get(0);
    assertThat(accuracy.time(row)).isEqualTo(ORIGIN.plus(Duration.ofHours(3)));
    assertThat(Series.number(row, 1)).isEqualTo(3);
    assertThat(Series.number(row, 2)).isBetween(0.0, 100.0);
    assertThat(row.get(3)).isInstanceOf(Number.class);
  }
}
