package io.voltstream.launcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiConfig;
import io.voltstream.config.CommonOptions;
import io.voltstream.forecast.streaming.ForecastConfig;
import io.voltstream.forecast.streaming.ForecastService;
import io.voltstream.forecast.streaming.ForecastServiceApp;
import io.voltstream.infra.FreePorts;
import io.voltstream.infra.NumberedReadings;
import io.voltstream.infra.PrometheusServer;
import io.voltstream.infra.PrometheusServer.Sample;
import io.voltstream.infra.PrometheusServer.Target;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestOptions;
import io.voltstream.ingest.app.IngestApp;
import io.voltstream.jobs.commands.CommandStatusJob;
import io.voltstream.jobs.commands.CommandStatusOptions;
import io.voltstream.jobs.roommetrics.RoomAggregationJobConfig;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.launcher.stack.LocalFlinkCluster.StartFrom;
import io.voltstream.launcher.stack.StreamJobs;
import io.voltstream.metrics.MetricsEndpoint;
import io.voltstream.metrics.MetricsOptions;
import io.voltstream.metrics.PrometheusEndpoint;
import io.voltstream.model.Topics;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandAck;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.TargetKind;
import io.voltstream.sim.mqtt.MqttPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code prometheus} scrapes every process of the platform (ingest, the API, the forecast
 * service and a Flink MiniCluster running the room-aggregation and command-status jobs, with
 * Flink's Prometheus reporter), and the named series are asserted through Prometheus's query API,
 * as a dashboard or alert would read them. Readings are published to the real mosquitto for the
 * whole test (so the watermark keeps moving), one malformed payload is dead-lettered, one command
 * is acknowledged 150 ms after it was issued. One set of servers serves every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusScrapeITCase {
  private static final Logger LOG = LoggerFactory.getLogger(PrometheusScrapeITCase.class);
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final long ACK_AFTER_MS = 150;

  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private final long startedNanos = System.nanoTime();
  private LocalFlinkCluster flink;
  private IngestApp ingest;
  private ApiApp.Running api;
  private ForecastService forecasts;
  private PrometheusEndpoint forecastMetrics;
  private MqttPublisher publisher;
  private ScheduledExecutorService readingsLoop;
  private PrometheusServer prometheus;
  private String adminToken;
  private final AtomicInteger published = new AtomicInteger();

  @BeforeAll
  void startEverything(@TempDir Path dir) throws Exception {
    KAFKA.createStandardTopics(1);
    String db = INFLUX.freshDatabase();
    int flinkMetricsPort = FreePorts.pick();
    Map<String, String> vars = new HashMap<>();
    vars.put(CommonOptions.KAFKA_BOOTSTRAP.name(), KAFKA.bootstrapServers());
    vars.put(CommonOptions.MQTT_URL.name(), MQTT.serverUri());
    vars.put(CommonOptions.INFLUX_URL.name(), INFLUX.url());
    vars.put(CommonOptions.INFLUX_DB.name(), db);
    vars.put(CommonOptions.DATA_DIR.name(), dir.resolve("api").toString());
    vars.put(ApiConfig.PORT, "0");
    vars.put("VOLTSTREAM_CHECKPOINT_INTERVAL", "1s");
    vars.put(CommandStatusOptions.ACK_TIMEOUT.name(), "30s");
    vars.put(IngestOptions.CLIENT_ID.name(), "metrics-it-ingest");
    vars.put(IngestOptions.METRICS_LOG_INTERVAL.name(), "0");
    vars.put(MetricsOptions.INGEST_PORT.name(), "0");
    vars.put(MetricsOptions.API_PORT.name(), "0");
    vars.put(MetricsOptions.FORECAST_PORT.name(), "0");
    vars.put(MetricsOptions.CONSUMER_LAG_INTERVAL.name(), "1s");
    vars.put("VOLTSTREAM_FORECAST_MODEL_DIR", dir.resolve("models").toString());

    flink =
        LocalFlinkCluster.start(
            FreePorts.pick(),
            4,
            dir.resolve("flink"),
            StartFrom.FRESH,
            Optional.of(Integer.toString(flinkMetricsPort)));
    StreamJobs.runAll(
        flink, vars, List.of(RoomAggregationJobConfig.JOB_NAME, CommandStatusJob.JOB_NAME));
    ingest =
        IngestApp.start(
            IngestConfig.fromEnv(vars), MetricsEndpoint.fromEnv(vars, MetricsOptions.INGEST_PORT));
    assertThat(ingest.awaitSubscribed(Duration.ofSeconds(30))).as("ingest subscribed").isTrue();
    api = ApiApp.start(ApiConfig.fromEnv(vars), vars);
    adminToken = Files.readString(api.adminTokenFile(), StandardCharsets.UTF_8).trim();
    forecasts = ForecastService.create(ForecastConfig.fromEnv(vars));
    forecastMetrics =
        PrometheusEndpoint.start(
            "forecast", MetricsEndpoint.fromEnv(vars, MetricsOptions.FORECAST_PORT));
    ForecastServiceApp.serveMetrics(forecasts, forecastMetrics.registry());
    forecasts.start();

    publisher = MqttPublisher.start(URI.create(MQTT.serverUri()), "metrics-it-sensors", 100);
    readingsLoop = Executors.newSingleThreadScheduledExecutor();
    readingsLoop.scheduleAtFixedRate(this::publishReading, 0, 200, TimeUnit.MILLISECONDS);
    publisher.publish("sensors/bad-1/readings", "{not json".getBytes(StandardCharsets.UTF_8));
    sendCommandAndAck();

    prometheus =
        PrometheusServer.start(
            dir.resolve("prometheus"),
            0,
            Duration.ofSeconds(1),
            List.of(
                new Target("ingest", "127.0.0.1:" + ingest.metricsPort().orElseThrow()),
                new Target("api", "127.0.0.1:" + api.metricsPort().orElseThrow()),
                new Target("forecast", "127.0.0.1:" + forecastMetrics.port().orElseThrow()),
                new Target("flink", "127.0.0.1:" + flinkMetricsPort)));
  }

  /** One reading stamped now, from one of five sensors, so the event-time watermark advances. */
  private void publishReading() {
    int i = published.getAndIncrement();
    NumberedReadings readings = new NumberedReadings("metrics-it", 5, Instant.now().minusMillis(i));
    publisher.publish(readings.topic(i), readings.payload(i).getBytes(StandardCharsets.UTF_8));
  }

  private static void sendCommandAndAck() {
    Instant issued = Instant.now();
    Command command =
        Command.battery(
            "metrics-it-cmd-1",
            "metrics-it-battery",
            "metrics-it-building",
            new BatterySetpoint(BatteryMode.CHARGE, 1000),
            issued,
            Duration.ofMinutes(5),
            CommandSource.MANUAL,
            "it");
    CommandAck ack =
        new CommandAck(
            command.commandId(),
            TargetKind.BATTERY,
            command.target(),
            CommandAck.AckStatus.APPLIED,
            null,
            issued.plusMillis(ACK_AFTER_MS),
            issued.plusMillis(ACK_AFTER_MS));
    KAFKA.send(Topics.COMMANDS, command.target(), command);
    KAFKA.send(Topics.COMMAND_ACKS, ack.target(), ack);
  }

  @AfterAll
  void stopEverything() throws Exception {
    if (readingsLoop != null) {
      readingsLoop.shutdownNow();
    }
    for (AutoCloseable c :
        new AutoCloseable[] {
          prometheus, publisher, forecasts, forecastMetrics, api, ingest, flink
        }) {
      if (c != null) {
        c.close();
      }
    }
    LOG.info(
        "PrometheusScrapeITCase wall time {} s",
        (System.nanoTime() - startedNanos) / 1_000_000_000);
  }

  @Test
  void everyProcessIsScrapedAndUp() {
    List<Sample> up = awaitSeries("up == 1", samples -> samples.size() == 4);

    assertThat(up)
        .extracting(s -> s.labels().get("job"))
        .containsExactlyInAnyOrder("ingest", "api", "forecast", "flink");
  }

  @Test
  void ingestCountsAcceptedAndDeadLetteredReadings() {
    awaitSeries(
        "voltstream_ingest_readings_accepted_total{job=\"ingest\"} > 5",
        samples -> !samples.isEmpty());
    List<Sample> malformed =
        awaitSeries(
            "voltstream_ingest_dead_letters_total{reason=\"malformed_json\"}",
            samples -> !samples.isEmpty() && samples.get(0).value() >= 1);
    assertThat(malformed.get(0).value()).isEqualTo(1.0);
    assertThat(query("voltstream_ingest_dead_letters_total{reason=\"out_of_range\"}"))
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isZero());
    assertThat(query("voltstream_ingest_messages_received_total"))
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isGreaterThan(5));
  }

  @Test
  void apiTimesRequestsByRouteTemplateAndServesLiveFigures() {
    var http = HttpClient.newHttpClient();
    for (String room : List.of("kitchen", "attic")) {
      try {
        http.send(
            HttpRequest.newBuilder(api.baseUri().resolve("/api/v1/rooms/" + room))
                .header("Authorization", "Bearer " + adminToken)
                .build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    List<Sample> rooms =
        awaitSeries(
            "sum(voltstream_http_server_requests_seconds_count{route=\"/api/v1/rooms/{name}\"})",
            samples -> !samples.isEmpty() && samples.get(0).value() >= 2);
    assertThat(rooms.get(0).value()).isEqualTo(2.0);
    assertThat(query("voltstream_http_server_requests_seconds_count{route=~\".*kitchen.*\"}"))
        .as("raw paths never become series")
        .isEmpty();
    assertThat(query("voltstream_live_sessions"))
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isZero());
    assertThat(query("voltstream_live_messages_shed_total")).hasSize(1);
  }

  @Test
  void consumerLagIsServedPerGroupAndPartition() {
    List<Sample> lag =
        awaitSeries(
            "voltstream_kafka_consumer_lag_records{topic=\"readings\"}",
            samples -> !samples.isEmpty());

    assertThat(lag)
        .allSatisfy(
            s -> {
              assertThat(s.labels()).containsKeys("group", "partition");
              assertThat(s.value()).isBetween(0.0, (double) published.get());
            });
    assertThat(lag)
        .extracting(s -> s.labels().get("group"))
        .anyMatch(g -> g.contains(RoomAggregationJobConfig.JOB_NAME));
  }

  @Test
  void forecastServiceCountsItsRuns() {
    List<Sample> runs =
        awaitSeries("voltstream_forecast_runs_total >= 1", samples -> !samples.isEmpty());

    assertThat(runs).hasSize(1);
    assertThat(query("voltstream_forecast_last_run_timestamp_seconds"))
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isGreaterThan(1.7e9));
  }

  @Test
  void flinkReportsWatermarkLagPerJob() {
    List<Sample> lag =
        awaitSeries(
            "max by (job_name)"
                + " ({__name__=~\"flink_taskmanager_job_task_operator_eventTimeWatermarkLagMs\"} >="
                + " 0)",
            samples -> !samples.isEmpty());

    assertThat(lag)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.labels())
                  .containsEntry("job_name", flinkLabel(RoomAggregationJobConfig.JOB_NAME));
              // readings are stamped now; the watermark trails by the out-of-orderness bound
              assertThat(s.value()).isBetween(0.0, 120_000.0);
            });
  }

  @Test
  void flinkReportsCheckpointAgeAndDuration() {
    List<Sample> age =
        awaitSeries(
            "time() * 1000 - flink_jobmanager_job_lastCheckpointCompletedTimestamp{job_name=\""
                + flinkLabel(CommandStatusJob.JOB_NAME)
                + "\"} and flink_jobmanager_job_lastCheckpointCompletedTimestamp > 0",
            samples -> !samples.isEmpty());
    assertThat(age.get(0).value()).as("checkpoint age [ms]").isBetween(0.0, 30_000.0);
    assertThat(query("flink_jobmanager_job_lastCheckpointDuration"))
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.value()).isGreaterThanOrEqualTo(0));
  }

  @Test
  void flinkReportsCommandAckLatencyAndInfluxWrites() {
    List<Sample> ackLatency =
        awaitSeries(
            "max({__name__=\"flink_taskmanager_job_task_operator_commandAckLatencyMs\",quantile=\"0.5\"})",
            samples -> !samples.isEmpty() && samples.get(0).value() > 0);
    assertThat(ackLatency.get(0).value()).isEqualTo((double) ACK_AFTER_MS);

    List<Sample> writes =
        awaitSeries(
            "sum(flink_taskmanager_job_task_operator_influxWriteLatencyMs_count) > 0",
            samples -> !samples.isEmpty());
    assertThat(writes.get(0).value()).isPositive();
    assertThat(query("flink_taskmanager_job_task_operator_influxRetries"))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.value()).isZero());
  }

  /**
   * Flink's reporter keeps only [a-zA-Z0-9:_] of label values: room-aggregation → room_aggregation.
   */
  private static String flinkLabel(String value) {
    return value.replace('-', '_');
  }

  private List<Sample> query(String promql) {
    return prometheus.query(promql);
  }

  private List<Sample> awaitSeries(String promql, java.util.function.Predicate<List<Sample>> done) {
    @SuppressWarnings("unchecked")
    List<Sample>[] last = new List[] {List.of()};
    boolean ok =
        Waits.until(
            () -> {
              last[0] = prometheus.query(promql);
              return done.test(last[0]);
            },
            DEADLINE,
            Duration.ofMillis(500));
    assertThat(ok).as("%s within %s; last answer %s", promql, DEADLINE, last[0]).isTrue();
    return last[0];
  }
}
