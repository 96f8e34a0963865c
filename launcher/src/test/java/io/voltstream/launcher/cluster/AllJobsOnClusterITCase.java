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
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * All six Flink jobs (raw-readings, room-aggregation, alerts, dispatch, command-status,
 * battery-state) of the shaded job jar, submitted together with the production {@code voltstream
 * submit --all} to a real standalone cluster (one JobManager and one TaskManager process), on a
 * real Kafka broker and a real influxd. A registered sensor reports across two 1-minute windows;
 * the test checks the raw points, the exact aggregate of the first window with the registry's room
 * and building, and the {@code co2_high} event the alert job derives from that aggregate. Event
 * time only advances with data, so a "tick" sensor keeps reporting while the test waits for a
 * window (as in the stream-jobs room ITCases).
 */
class AllJobsOnClusterITCase {
  private static final Logger LOG = LoggerFactory.getLogger(AllJobsOnClusterITCase.class);
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final int JOBS = io.voltstream.launcher.stack.StreamJobs.ALL.size();
  private static final String SENSOR = "lab-meter";
  private static final String ROOM = "lab";
  private static final String BUILDING = "hq";

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private int produced;
  private Instant nextTick;

  @Test
  void shouldRunEveryJobFromTheShadedJarOnStandaloneClusterAndWriteReadingsAggregatesAndAlerts()
      throws Exception {
    KAFKA.createStandardTopics(1);
    String db = INFLUX.freshDatabase();
    Path dir = Files.createTempDirectory(ProjectLayout.moduleTarget(), "flink-all-jobs-");
    List<Long> pids;
    int restPort;

    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      sendRegistry(
          producer,
          RegistryKey.room(ROOM).encode(),
          Json.MAPPER.writeValueAsString(new Room(ROOM, BUILDING, 40.0)));
      sendRegistry(
          producer,
          RegistryKey.sensor(SENSOR).encode(),
          Json.MAPPER.writeValueAsString(
              new Sensor(SENSOR, ROOM, SensorType.MULTI, "lab meter", false)));

      var options =
          new FlinkStandaloneCluster.Options(JOBS, "1024m", "1536m", Duration.ofMinutes(3));
      try (FlinkStandaloneCluster flink = FlinkStandaloneCluster.start(dir, options)) {
        pids = flink.pids();
        restPort = flink.restUri().getPort();
        assertThat(pids).hasSize(2).doesNotContain(ProcessHandle.current().pid());

        int exit =
            new CommandLine(new VoltstreamCli())
                .execute(
                    "submit",
                    "--flink",
                    flink.restUri().toString(),
                    "--all",
                    "--parallelism",
                    "1",
                    "--jar",
                    ProjectLayout.jobJar().toString(),
                    "--kafka",
                    KAFKA.bootstrapServers(),
                    "--influx",
                    INFLUX.url(),
                    "--influx-db",
                    db,
                    "--set",
                    "VOLTSTREAM_CHECKPOINT_INTERVAL=2s",
                    "--set",
                    "VOLTSTREAM_MAX_OUT_OF_ORDERNESS=5s",
                    "--set",
                    "VOLTSTREAM_SOURCE_IDLENESS=2s");
        assertThat(exit).as("exit code of voltstream submit --all").isZero();
        Map<String, String> jobs = awaitJobs(flink, "RUNNING");
        assertThat(jobs)
            .containsOnlyKeys(
                "voltstream-raw-readings",
                "room-aggregation",
                "alerts",
                "dispatch",
                "command-status",
                "battery-state",
                "rules",
                "flexibility",
                "demand-response",
                "market",
                "market-agents",
                "settlement");

        // Warm-up window: once its aggregate is stored, the room job has been consuming for a while
        // and
        // the registry (read from earliest) is in its broadcast state, so the payload room cannot
        // win.
        Instant warmupWindow = T0.minusSeconds(180);
        send(
            producer,
            reading("warm", "warmup", warmupWindow.plusSeconds(1), 0.5, 10.0, null, null));
        nextTick = T0.minusSeconds(110);
        awaitRoomWindow(db, "warmup", warmupWindow, producer);

        send(producer, reading(SENSOR, "garage", T0.plusSeconds(10), 0.125, 500.0, 1200.0, 22.0));
        send(producer, reading(SENSOR, "garage", T0.plusSeconds(40), 0.25, 1500.0, 1400.0, 24.0));
        send(producer, reading(SENSOR, "garage", T0.plusSeconds(70), 0.5, 800.0, 600.0, 21.0));
        nextTick = T0.plusSeconds(130);
        Map<String, JsonNode> first = rowAt(awaitRoomWindow(db, ROOM, T0, producer), T0);
        Map<String, JsonNode> second =
            rowAt(awaitRoomWindow(db, ROOM, T0.plusSeconds(60), producer), T0.plusSeconds(60));

        assertThat(first.get("building").asText()).isEqualTo(BUILDING);
        assertThat(first.get("energy_kwh").asDouble()).isEqualTo(0.375);
        assertThat(first.get("power_avg_w").asDouble()).isEqualTo(1000.0);
        assertThat(first.get("power_max_w").asDouble()).isEqualTo(1500.0);
        assertThat(first.get("co2_avg_ppm").asDouble()).isEqualTo(1300.0);
        assertThat(first.get("temperature_avg_c").asDouble()).isEqualTo(23.0);
        assertThat(first.get("sample_count").asLong()).isEqualTo(2);
        assertThat(second.get("energy_kwh").asDouble()).isEqualTo(0.5);
        assertThat(second.get("sample_count").asLong()).isEqualTo(1);
        assertThat(rows(INFLUX.query(db, "SELECT * FROM room_metrics WHERE room = 'garage'")))
            .as("the registry room beats the payload room")
            .isEmpty();

        List<Map<String, JsonNode>> co2 =
            rows(
                INFLUX.awaitQuery(
                    db,
                    "SELECT * FROM events WHERE kind = 'co2_high' AND room = '" + ROOM + "'",
                    a -> !rows(a).isEmpty(),
                    TIMEOUT));
        assertThat(co2).as("co2_high events of %s", ROOM).hasSize(1);
        assertThat(co2.get(0).get("time").asText()).isEqualTo(T0.toString());
        assertThat(co2.get(0).get("value").asDouble()).isEqualTo(1300.0);
        assertThat(co2.get(0).get("threshold").asDouble()).isEqualTo(1000.0);

        int total = produced;
        List<Series> count =
            INFLUX.awaitQuery(
                db,
                "SELECT count(energy_kwh) FROM readings",
                a -> InfluxExtension.firstValue(a, 1) >= total,
                TIMEOUT);
        assertThat(InfluxExtension.firstValue(count, 1))
            .as("points in InfluxDB readings")
            .isEqualTo(total);
        List<Map<String, JsonNode>> raw =
            rows(
                INFLUX.query(
                    db,
                    "SELECT energy_kwh, power_w, co2_ppm, temperature_c, room FROM readings WHERE"
                        + " sensor_id = '"
                        + SENSOR
                        + "'"));
        assertThat(raw)
            .extracting(r -> r.get("time").asText())
            .containsExactly(
                T0.plusSeconds(10).toString(),
                T0.plusSeconds(40).toString(),
                T0.plusSeconds(70).toString());
        assertThat(raw)
            .extracting(r -> r.get("power_w").asDouble())
            .containsExactly(500.0, 1500.0, 800.0);
        assertThat(raw)
            .extracting(r -> r.get("co2_ppm").asDouble())
            .containsExactly(1200.0, 1400.0, 600.0);
        LOG.info(
            "all {} jobs ran on the cluster; {} readings stored; RSS TaskManager {} MB",
            JOBS,
            total,
            rssMb(pids.get(1)));

        jobs.values().forEach(flink::cancel);
        assertThat(
                poll(
                    () ->
                        jobs.values().stream()
                            .allMatch(id -> "CANCELED".equals(flink.jobState(id))),
                    Duration.ofSeconds(60)))
            .as("every job cancelled: %s", flink.rest("/jobs/overview"))
            .isTrue();
        assertThat(flink.rest("/overview").path("jobs-running").asInt()).isZero();
      }
    }

    assertThat(pids)
        .allSatisfy(
            pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pid %d alive", pid)
                    .isFalse());
    assertThat(FreePorts.isAccepting("127.0.0.1", restPort)).as("REST port still open").isFalse();
  }

  private static SensorReading reading(
      String sensor,
      String room,
      Instant ts,
      double energyKwh,
      Double powerW,
      Double co2Ppm,
      Double temperatureC) {
    return new SensorReading(
        sensor,
        ts,
        room,
        SensorType.MULTI,
        energyKwh,
        powerW,
        co2Ppm,
        temperatureC,
        null,
        null,
        null,
        Instant.now());
  }

  private void send(KafkaProducer<String, String> producer, SensorReading r) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                Topics.READINGS.name(), r.sensorId(), Json.MAPPER.writeValueAsString(r)))
        .get(10, TimeUnit.SECONDS);
    produced++;
  }

  private static void sendRegistry(KafkaProducer<String, String> producer, String key, String json)
      throws Exception {
    producer
        .send(new ProducerRecord<>(Topics.REGISTRY.name(), key, json))
        .get(10, TimeUnit.SECONDS);
  }

  /**
   * Polls {@code room_metrics} for the room's window, sending one tick reading (one second later
   * each) between polls.
   */
  private List<Map<String, JsonNode>> awaitRoomWindow(
      String db, String room, Instant windowStart, KafkaProducer<String, String> producer)
      throws Exception {
    String q = "SELECT * FROM room_metrics WHERE room = '" + room + "'";
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      List<Map<String, JsonNode>> rows =
          rows(
              INFLUX.awaitQuery(
                  db, q, a -> hasWindow(rows(a), windowStart), Duration.ofSeconds(2)));
      if (hasWindow(rows, windowStart)) {
        return rows;
      }
      assertThat(System.nanoTime())
          .as("no room_metrics point of %s at %s within %s: %s", room, windowStart, TIMEOUT, rows)
          .isLessThan(deadline);
      send(producer, reading("tick", "tick", nextTick, 0.0, null, null, null));
      nextTick = nextTick.plusSeconds(1);
    }
  }

  private static boolean hasWindow(List<Map<String, JsonNode>> rows, Instant windowStart) {
    return rows.stream().anyMatch(r -> r.get("time").asText().equals(windowStart.toString()));
  }

  private static Map<String, JsonNode> rowAt(
      List<Map<String, JsonNode>> rows, Instant windowStart) {
    return rows.stream()
        .filter(r -> r.get("time").asText().equals(windowStart.toString()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no room_metrics point at " + windowStart + " in " + rows));
  }

  /** Rows of every series of an InfluxQL answer, column name → value. */
  private static List<Map<String, JsonNode>> rows(List<Series> answer) {
    return InfluxExtension.rows(answer);
  }

  /**
   * Waits until the cluster runs {@value #JOBS} jobs, all in {@code state}; returns job name → id.
   */
  private static Map<String, String> awaitJobs(FlinkStandaloneCluster flink, String state) {
    Map<String, String> ids = new LinkedHashMap<>();
    boolean reached =
        poll(
            () -> {
              List<JsonNode> jobs =
                  StreamSupport.stream(
                          flink.rest("/jobs/overview").path("jobs").spliterator(), false)
                      .toList();
              if (jobs.size() == JOBS
                  && jobs.stream().allMatch(j -> state.equals(j.path("state").asText()))) {
                jobs.forEach(j -> ids.put(j.path("name").asText(), j.path("jid").asText()));
                return true;
              }
              return false;
            },
            Duration.ofSeconds(90));
    assertThat(reached)
        .as("%d jobs %s on the cluster: %s", JOBS, state, flink.rest("/jobs/overview"))
        .isTrue();
    return ids;
  }

  private static long rssMb(long pid) {
    return ProcessStats.sample(pid).map(s -> s.rssBytes() >> 20).orElse(-1L);
  }

  /** Polls every 200 ms: each poll is a REST or InfluxDB query. */
  private static boolean poll(BooleanSupplier condition, Duration timeout) {
    return Waits.until(condition, timeout, Duration.ofMillis(200));
  }
}
