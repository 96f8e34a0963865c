package io.voltstream.launcher.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.health.HealthOptions;
import io.voltstream.config.CommonOptions;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.io.JobsOptions;
import io.voltstream.jobs.rawstore.RawReadingsJob;
import io.voltstream.jobs.roommetrics.RoomAggregationJobConfig;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.launcher.stack.StreamJobs;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health} against real servers: Kafka (KRaft, in-process), influxd, and a Flink MiniCluster
 * with its REST API running the real raw-readings and room-aggregation jobs, fed fresh readings.
 * With thresholds of seconds, each component is driven into {@code degraded} by what it measures —
 * a consumer group with committed offsets behind, a checkpoint interval longer than the allowed
 * checkpoint age, a burst of dead letters, readings that stop (watermark lag and stale InfluxDB
 * writes), an old forecast run — and back to {@code up}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthITCase {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String BEHIND_GROUP = "voltstream-health-it-behind";
  private static final List<String> JOBS =
      List.of(RawReadingsJob.NAME, RoomAggregationJobConfig.JOB_NAME);

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicReference<JsonNode> last = new AtomicReference<>();
  private String db;
  private LocalFlinkCluster flink;
  private ApiApp.Running api;
  private String adminToken;
  private KafkaProducer<String, String> producer;
  private ScheduledExecutorService feeder;
  private ScheduledFuture<?> feeding;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    KAFKA.createStandardTopics(2);
    db = INFLUX.freshDatabase();
    Map<String, String> vars = new HashMap<>();
    vars.put(CommonOptions.KAFKA_BOOTSTRAP.name(), KAFKA.bootstrapServers());
    vars.put(CommonOptions.INFLUX_URL.name(), INFLUX.url());
    vars.put(CommonOptions.INFLUX_DB.name(), db);
    vars.put(CommonOptions.DATA_DIR.name(), dir.toString());
    vars.put(JobsOptions.CHECKPOINT_INTERVAL.name(), "6s");
    vars.put(JobsOptions.MAX_OUT_OF_ORDERNESS.name(), "1s");
    vars.put(JobsOptions.SOURCE_IDLENESS.name(), "1s");
    vars.put(JobsOptions.WINDOW.name(), "2s");
    flink =
        LocalFlinkCluster.start(
            0,
            JOBS.size() * LocalFlinkCluster.JOB_PARALLELISM,
            dir.resolve("flink"),
            LocalFlinkCluster.StartFrom.FRESH);
    StreamJobs.runAll(flink, vars, JOBS);

    vars.put(ApiConfig.PORT, "0");
    vars.put(HealthOptions.FLINK_REST.name(), flink.restAddress().toString());
    vars.put(HealthOptions.FLINK_JOBS.name(), String.join(",", JOBS));
    vars.put(HealthOptions.MAX_GROUP_LAG.name(), "500");
    vars.put(HealthOptions.MAX_PARTITION_LAG.name(), "400");
    // below the 6 s interval, so each job is late for a moment every cycle (and the two jobs, on
    // their own schedules, are both on time most of the time)
    vars.put(HealthOptions.MAX_CHECKPOINT_AGE.name(), "5s");
    vars.put(HealthOptions.MAX_WATERMARK_LAG.name(), "8s");
    vars.put(HealthOptions.MAX_DLQ_RATE.name(), "20");
    vars.put(HealthOptions.DLQ_WINDOW.name(), "3s");
    vars.put(HealthOptions.MAX_WRITE_AGE.name(), "8s");
    vars.put(HealthOptions.MAX_FORECAST_AGE.name(), "1h");
    vars.put(HealthOptions.CACHE.name(), "0");
    api = ApiApp.start(ApiConfig.fromEnv(vars), vars);
    adminToken = Files.readString(api.adminTokenFile()).strip();

    producer = KAFKA.producer();
    feeder = Executors.newSingleThreadScheduledExecutor();
    feed();
  }

  @AfterAll
  void stop() throws Exception {
    if (feeder != null) {
      feeder.shutdownNow();
    }
    if (producer != null) {
      producer.close();
    }
    if (api != null) {
      api.close();
    }
    if (flink != null) {
      flink.close();
    }
  }

  @Test
  @Order(1)
  void shouldBeUpWhenEveryFigureIsFreshAfterAnOldForecastRunDegradedIt() throws Exception {
    writeForecastRun(Instant.now().minus(Duration.ofHours(2)));
    JsonNode old = await(h -> h.path("forecasts").path("status").asText().equals("degraded"));
    assertThat(old.path("forecasts").path("age_s").asDouble()).isGreaterThan(3600);

    writeForecastRun(Instant.now());
    JsonNode up = await(h -> h.path("status").asText().equals("up"));

    assertThat(up.path("flink").path("jobs")).hasSize(2);
    for (JsonNode job : up.path("flink").path("jobs")) {
      assertThat(job.path("state").asText()).isEqualTo("RUNNING");
      assertThat(job.path("checkpoint_age_s").asDouble()).isLessThanOrEqualTo(5.0);
    }
    JsonNode rooms = job(up, RoomAggregationJobConfig.JOB_NAME);
    assertThat(rooms.path("watermark_lag_s").asDouble()).isBetween(0.0, 8.0);
    assertThat(up.path("influxdb").path("readings_write_age_s").asDouble()).isLessThan(8.0);
    assertThat(up.path("influxdb").path("room_metrics_write_age_s").asDouble()).isLessThan(8.0);
    HttpResponse<String> summary = get("/health", null);
    assertThat(summary.statusCode()).isEqualTo(200);
    JsonNode publicAnswer = Json.MAPPER.readTree(summary.body());
    assertThat(publicAnswer.path("components").path("flink").asText()).isIn("up", "degraded");
    assertThat(publicAnswer.has("flink")).as("no figures without a token").isFalse();
  }

  @Test
  @Order(2)
  void shouldDegradeFlinkWhenTheLastCheckpointIsOlderThanAllowedAndRecover() {
    String rooms = RoomAggregationJobConfig.JOB_NAME;
    JsonNode old =
        await(
            h -> h.path("flink").path("reasons").toString().contains(rooms + ": last checkpoint"));
    assertThat(old.path("flink").path("status").asText()).isEqualTo("degraded");
    assertThat(old.path("status").asText()).isEqualTo("degraded");
    assertThat(job(old, rooms).path("status").asText()).isEqualTo("degraded");
    assertThat(job(old, rooms).path("checkpoint_age_s").asDouble()).isGreaterThan(5.0);

    // The jobs checkpoint on their own schedules: the one that was late is judged again.
    JsonNode fresh = await(h -> job(h, rooms).path("status").asText().equals("up"));
    assertThat(job(fresh, rooms).path("checkpoint_age_s").asDouble()).isLessThanOrEqualTo(5.0);
    assertThat(fresh.path("flink").path("reasons").toString())
        .doesNotContain(rooms + ": last checkpoint");
  }

  @Test
  @Order(3)
  void shouldDegradeKafkaWhenAConsumerGroupFallsBehindAndRecover() throws Exception {
    TopicPartition p0 = new TopicPartition(Topics.READINGS.name(), 0);
    for (int i = 0; i < 600; i++) {
      send(p0.partition(), Instant.now());
    }
    producer.flush();
    try (Admin admin = KAFKA.adminClient()) {
      admin
          .alterConsumerGroupOffsets(BEHIND_GROUP, Map.of(p0, new OffsetAndMetadata(0)))
          .all()
          .get(10, TimeUnit.SECONDS);

      JsonNode behind =
          await(h -> h.path("kafka").path("reasons").toString().contains(BEHIND_GROUP));
      assertThat(behind.path("kafka").path("status").asText()).isEqualTo("degraded");
      JsonNode group = group(behind, BEHIND_GROUP);
      assertThat(group.path("total_lag").asLong()).isGreaterThanOrEqualTo(600);
      assertThat(group.path("max_lag_partition").asText()).isEqualTo("readings-0");
      assertThat(behind.path("kafka").path("consumer_groups").findValuesAsText("group"))
          .as("the jobs' own groups, committed on checkpoints")
          .contains("voltstream-raw-readings", "voltstream-room-aggregation");

      long end = group.path("total_lag").asLong();
      admin
          .alterConsumerGroupOffsets(BEHIND_GROUP, Map.of(p0, new OffsetAndMetadata(end)))
          .all()
          .get(10, TimeUnit.SECONDS);
    }
    JsonNode caughtUp = await(h -> h.path("kafka").path("status").asText().equals("up"));
    assertThat(group(caughtUp, BEHIND_GROUP).path("max_partition_lag").asLong()).isLessThan(400);
  }

  @Test
  @Order(4)
  void shouldDegradeDeadLettersOnABurstAndRecoverWhenItStops() throws Exception {
    await(h -> !h.path("dead_letters").path("per_minute").isNull());
    for (int i = 0; i < 30; i++) {
      producer.send(
          new ProducerRecord<>(Topics.READINGS_DLQ.name(), "sensors/x", "{\"reason\":\"test\"}"));
    }
    producer.flush();

    JsonNode burst = await(h -> h.path("dead_letters").path("status").asText().equals("degraded"));
    assertThat(burst.path("dead_letters").path("per_minute").asDouble()).isGreaterThan(20.0);
    assertThat(burst.path("dead_letters").path("dead_letters").asLong()).isEqualTo(30);

    JsonNode calm = await(h -> h.path("dead_letters").path("status").asText().equals("up"));
    assertThat(calm.path("dead_letters").path("per_minute").asDouble()).isEqualTo(0.0);
  }

  @Test
  @Order(5)
  void shouldDegradeWatermarkAndInfluxWritesWhenReadingsStopAndRecoverWhenTheyResume() {
    feeding.cancel(false);

    JsonNode stalled =
        await(
            h ->
                h.path("influxdb").path("readings_write_age_s").asDouble() > 8.0
                    && h.path("flink").path("reasons").toString().contains("watermark"));
    assertThat(stalled.path("influxdb").path("status").asText()).isEqualTo("degraded");
    assertThat(stalled.path("influxdb").path("reasons").toString())
        .contains("readings: newest point", "room_metrics: newest point");
    assertThat(job(stalled, RoomAggregationJobConfig.JOB_NAME).path("watermark_lag_s").asDouble())
        .isGreaterThan(8.0);
    assertThat(job(stalled, RoomAggregationJobConfig.JOB_NAME).path("status").asText())
        .isEqualTo("degraded");

    feed();
    JsonNode resumed =
        await(
            h ->
                h.path("influxdb").path("status").asText().equals("up")
                    && job(h, RoomAggregationJobConfig.JOB_NAME).path("watermark_lag_s").asDouble()
                        < 8.0);
    assertThat(resumed.path("influxdb").path("readings_write_age_s").asDouble()).isLessThan(8.0);
    assertThat(resumed.path("flink").path("reasons").toString()).doesNotContain("watermark");
    await(h -> h.path("status").asText().equals("up"));
  }

  // --- helpers

  /** Fresh readings on both partitions, five a second each, until cancelled. */
  private void feed() {
    feeding =
        feeder.scheduleAtFixedRate(
            () -> {
              send(0, Instant.now());
              send(1, Instant.now());
            },
            0,
            200,
            TimeUnit.MILLISECONDS);
  }

  private void send(int partition, Instant at) {
    String sensor = "health-sensor-" + partition;
    SensorReading r =
        new SensorReading(
            sensor,
            at,
            "room-" + partition,
            SensorType.MULTI,
            0.001,
            120.0,
            null,
            21.0,
            null,
            null,
            null,
            at);
    try {
      producer.send(
          new ProducerRecord<>(
              Topics.READINGS.name(), partition, sensor, Json.MAPPER.writeValueAsString(r)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void writeForecastRun(Instant issuedAt) {
    long hour = Instant.now().plus(Duration.ofHours(1)).toEpochMilli();
    INFLUX.write(
        db,
        "forecasts,building=hq,fallback=false,model_id=test,target=consumption"
            + " value_kwh=1.5,issued_at="
            + issuedAt.toEpochMilli()
            + "i,lead_hours=1i "
            + hour); // the client writes with precision=ms
  }

  /** Polls {@code GET /api/v1/health} until {@code condition} holds; fails with the last answer. */
  private JsonNode await(Predicate<JsonNode> condition) {
    boolean reached =
        Waits.until(
            () -> {
              try {
                HttpResponse<String> r = get("/api/v1/health", adminToken);
                JsonNode h = Json.MAPPER.readTree(r.body());
                assertThat(r.statusCode())
                    .isEqualTo(h.path("status").asText().equals("down") ? 503 : 200);
                last.set(h);
                return condition.test(h);
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
              }
            },
            WAIT,
            Duration.ofMillis(200));
    assertThat(reached).as("health reached the expected state; last: %s", last.get()).isTrue();
    return last.get();
  }

  private HttpResponse<String> get(String path, String token)
      throws java.io.IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.baseUri() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode job(JsonNode health, String name) {
    for (JsonNode j : health.path("flink").path("jobs")) {
      if (j.path("name").asText().equals(name)) {
        return j;
      }
    }
    throw new AssertionError("no job " + name + " in " + health);
  }

  private static JsonNode group(JsonNode health, String name) {
    for (JsonNode g : health.path("kafka").path("consumer_groups")) {
      if (g.path("group").asText().equals(name)) {
        return g;
      }
    }
    throw new AssertionError("no group " + name + " in " + health);
  }
}
