package io.voltstream.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.influx.Series;
import io.voltstream.infra.FreePorts;
import io.voltstream.infra.ProcessStats;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.launcher.VoltstreamCli;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The shaded job jar on a real multi-process Flink cluster: a standalone JobManager and TaskManager
 * ({@link FlinkStandaloneCluster}), a real Kafka broker and a real influxd. The raw-readings job is
 * submitted through the production {@code voltstream submit} command; every reading produced to
 * {@code readings} must arrive in InfluxDB exactly once, and nothing of the cluster may outlive it.
 */
class FlinkClusterSubmissionITCase {
  private static final Logger LOG = LoggerFactory.getLogger(FlinkClusterSubmissionITCase.class);
  private static final int READINGS = 1_000;
  private static final Instant BASE = Instant.parse("2026-01-05T08:00:00Z");

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  @Test
  void shouldStoreEveryReadingOnceWhenRawReadingsJobIsSubmittedToStandaloneCluster()
      throws Exception {
    KAFKA.createTopic(Topics.READINGS.name(), 2);
    String db = INFLUX.freshDatabase();
    Path dir = Files.createTempDirectory(ProjectLayout.moduleTarget(), "flink-cluster-");
    List<Long> pids;
    int restPort;

    long startNanos = System.nanoTime();
    try (FlinkStandaloneCluster flink = FlinkStandaloneCluster.start(dir)) {
      Duration startup = Duration.ofNanos(System.nanoTime() - startNanos);
      pids = flink.pids();
      restPort = flink.restUri().getPort();
      assertThat(pids).hasSize(2).doesNotContain(ProcessHandle.current().pid());

      int exit =
          new CommandLine(new VoltstreamCli())
              .execute(
                  "submit",
                  "--flink",
                  flink.restUri().toString(),
                  "--job",
                  "raw-readings",
                  "--jar",
                  ProjectLayout.jobJar().toString(),
                  "--kafka",
                  KAFKA.bootstrapServers(),
                  "--influx",
                  INFLUX.url(),
                  "--influx-db",
                  db,
                  "--set",
                  "VOLTSTREAM_CHECKPOINT_INTERVAL=5s");
      assertThat(exit).as("exit code of voltstream submit").isZero();

      String jobId = awaitSingleJob(flink, "RUNNING");
      long producedNanos = System.nanoTime();
      produceReadings();

      List<Series> answer =
          INFLUX.awaitQuery(
              db,
              "SELECT count(power_w) FROM readings",
              a -> InfluxExtension.firstValue(a, 1) >= READINGS,
              Duration.ofSeconds(120));
      assertThat(InfluxExtension.firstValue(answer, 1))
          .as("points in InfluxDB readings")
          .isEqualTo(READINGS);
      LOG.info(
          "cluster ready in {} ms; {} readings in InfluxDB {} ms after producing; RSS JobManager {}"
              + " MB, TaskManager {} MB",
          startup.toMillis(),
          READINGS,
          Duration.ofNanos(System.nanoTime() - producedNanos).toMillis(),
          rssMb(pids.get(0)),
          rssMb(pids.get(1)));
      List<Series> sensors =
          INFLUX.query(db, "SHOW TAG VALUES FROM readings WITH KEY = \"sensor_id\"");
      assertThat(sensors.get(0).values()).hasSize(10);

      flink.cancel(jobId);
      assertThat(poll(() -> "CANCELED".equals(flink.jobState(jobId)), Duration.ofSeconds(60)))
          .as("job %s cancelled, state now %s", jobId, flink.jobState(jobId))
          .isTrue();
      assertThat(flink.rest("/overview").path("jobs-running").asInt()).isZero();
    }

    assertThat(pids)
        .allSatisfy(
            pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pid %d alive", pid)
                    .isFalse());
    assertThat(FreePorts.isAccepting("127.0.0.1", restPort)).as("REST port still open").isFalse();
  }

  private static long rssMb(long pid) {
    return ProcessStats.sample(pid).map(s -> s.rssBytes() >> 20).orElse(-1L);
  }

  private static void produceReadings() throws Exception {
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      List<Future<?>> sends = new ArrayList<>();
      for (int i = 0; i < READINGS; i++) {
        String sensor = "cluster-sensor-" + (i % 10);
        SensorReading reading =
            new SensorReading(
                sensor,
                BASE.plusSeconds(i),
                "room-" + (i % 3),
                SensorType.MULTI,
                0.001 * i,
                100.0 + i,
                null,
                21.5,
                null,
                null,
                null,
                Instant.now());
        sends.add(
            producer.send(
                new ProducerRecord<>(
                    Topics.READINGS.name(), sensor, Json.MAPPER.writeValueAsString(reading))));
      }
      for (var send : sends) {
        send.get();
      }
    }
  }

  /** Waits until the cluster has exactly one job, in {@code state}; returns its id. */
  private static String awaitSingleJob(FlinkStandaloneCluster flink, String state) {
    String[] id = new String[1];
    boolean reached =
        poll(
            () -> {
              List<JsonNode> jobs =
                  StreamSupport.stream(
                          flink.rest("/jobs/overview").path("jobs").spliterator(), false)
                      .toList();
              if (jobs.size() == 1 && state.equals(jobs.get(0).path("state").asText())) {
                assertThat(jobs.get(0).path("name").asText()).isEqualTo("voltstream-raw-readings");
                id[0] = jobs.get(0).path("jid").asText();
                return true;
              }
              return false;
            },
            Duration.ofSeconds(60));
    assertThat(reached)
        .as("one job %s on the cluster: %s", state, flink.rest("/jobs/overview"))
        .isTrue();
    return id[0];
  }

  /** Polls every 200 ms: each poll is a REST or InfluxDB query. */
  private static boolean poll(BooleanSupplier condition, Duration timeout) {
    return Waits.until(condition, timeout, Duration.ofMillis(200));
  }
}
