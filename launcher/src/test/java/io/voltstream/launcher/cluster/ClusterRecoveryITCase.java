package io.voltstream.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.energy.tariff.Tariffs;
import io.voltstream.influx.Schema;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.roommetrics.logic.RoomAccumulator;
import io.voltstream.jobs.roommetrics.logic.RoomAssignment;
import io.voltstream.jobs.roommetrics.logic.RoomCost;
import io.voltstream.launcher.VoltstreamCli;
import io.voltstream.launcher.savepoint.SavepointLayout;
import io.voltstream.model.Json;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * State that survives on a real standalone cluster (a JobManager and a TaskManager as OS processes,
 * {@link FlinkStandaloneCluster}), with real Kafka and a real influxd: the room-aggregation job of
 * the shaded jar, submitted with the production {@code voltstream submit}, aggregates 4,000
 * readings of 8 sensors in 4 rooms (10 s event-time windows, 25 readings per room and window).
 *
 * <ol>
 *   <li>While readings stream in at 200/s, the TaskManager process is killed with SIGKILL and a new
 *       one started: the job restarts from its latest checkpoint (Kafka offsets and open windows).
 *   <li>With the window {@code [300 s, 310 s)} half full, {@code voltstream stop --savepoint DIR}
 *       stops the job; the rest of the readings arrive while it is stopped; {@code voltstream
 *       submit --from-savepoint DIR} resumes it.
 * </ol>
 *
 * Every {@code room_metrics} point (160 windows: count, sums, means, maximum, cost) must equal the
 * reference computed from the input with the job's own pure aggregation ({@link RoomAccumulator},
 * {@link RoomCost}): a reading lost or counted twice across the crash or the upgrade fails it. The
 * values are integers and binary fractions so that sums do not depend on the order of arrival.
 */
class ClusterRecoveryITCase {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRecoveryITCase.class);
  private static final Instant BASE = Instant.parse("2026-01-05T08:00:00Z");
  private static final Duration STEP = Duration.ofMillis(100);
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final int SENSORS = 8;
  private static final int ROOMS = 4;
  private static final int READINGS = 4_000;

  /** Readings produced before the stop: up to the middle of window 30 ({@code [300 s, 310 s)}). */
  private static final int BEFORE_STOP = 3_050;

  /** Readings of the failover phase, produced at {@link #RATE_PER_TICK} every 50 ms. */
  private static final int FAILOVER_PHASE = 3_000;

  private static final int RATE_PER_TICK = 10;
  private static final Duration TIMEOUT = Duration.ofSeconds(150);
  private static final String JOB = "room-aggregation";

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  @Test
  void shouldKeepRoomMetricsExactThroughTaskManagerKillAndSavepointUpgrade() throws Exception {
    long started = System.nanoTime();
    KAFKA.createStandardTopics(2);
    String db = INFLUX.freshDatabase();
    Path dir = Files.createTempDirectory(ProjectLayout.moduleTarget(), "flink-recovery-");
    Path savepoints = dir.resolve("upgrade-savepoints");

    try (FlinkStandaloneCluster flink =
            FlinkStandaloneCluster.start(
                dir.resolve("cluster"),
                new FlinkStandaloneCluster.Options(2, "1024m", "1280m", Duration.ofMinutes(3)));
        KafkaProducer<String, String> producer = KAFKA.producer()) {
      String first = submit(flink, db);
      awaitCheckpointAfter(flink, first, -1);

      // 1. SIGKILL of the TaskManager while readings stream in.
      AtomicInteger produced = new AtomicInteger();
      ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
      CompletableFuture<Void> failoverPhase = new CompletableFuture<>();
      pacer.scheduleAtFixedRate(
          () -> {
            int from = produced.get();
            if (from >= FAILOVER_PHASE) {
              return;
            }
            int to = Math.min(FAILOVER_PHASE, from + RATE_PER_TICK);
            try {
              produce(producer, from, to);
            } catch (Exception e) {
              failoverPhase.completeExceptionally(e);
              return;
            }
            produced.set(to);
            if (to == FAILOVER_PHASE) {
              failoverPhase.complete(null);
            }
          },
          0,
          50,
          TimeUnit.MILLISECONDS);
      try {
        assertThat(
                poll(
                    () ->
                        produced.get() >= 1_000
                            && roomMetricsCount(db) >= ROOMS
                            && completedCheckpoints(flink, first) >= 2,
                    TIMEOUT))
            .as("1,000 readings produced, first windows written, checkpoints completed")
            .isTrue();
        int atKill = produced.get();
        long killed = flink.killTaskManager();
        flink.startTaskManager();
        LOG.info("killed TaskManager pid {} after {} readings produced", killed, atKill);
        assertThat(ProcessHandle.of(killed).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(atKill).as("killed mid-stream").isLessThan(FAILOVER_PHASE);

        JsonNode restored = awaitRestore(flink, first);
        assertThat(restored.path("is_savepoint").asBoolean()).isFalse();
        failoverPhase.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } finally {
        pacer.shutdownNow();
      }

      // 2. Stop with a savepoint while window [300 s, 310 s) is half full, resume from it.
      produce(producer, FAILOVER_PHASE, BEFORE_STOP);
      Instant open = BASE.plus(WINDOW.multipliedBy(30));
      assertThat(poll(() -> roomMetricsAt(db, open.minus(WINDOW)) == ROOMS, TIMEOUT))
          .as("window before %s fired for every room (readings of %s are in the job)", open, open)
          .isTrue();
      String stopOut =
          voltstream(
              "stop", "--flink", flink.restUri().toString(), "--savepoint", savepoints.toString());
      assertThat(roomMetricsAt(db, open)).as("window %s still open at the stop", open).isZero();
      Path savepoint = SavepointLayout.latest(savepoints, JOB).orElseThrow();
      assertThat(stopOut).contains("stopped " + JOB).contains(savepoint.getFileName().toString());
      assertThat(flink.jobState(first)).isEqualTo("FINISHED");

      produce(producer, BEFORE_STOP, READINGS);
      String second = submit(flink, db, "--from-savepoint", savepoints.toString());
      JsonNode fromSavepoint = awaitRestore(flink, second);
      assertThat(fromSavepoint.path("is_savepoint").asBoolean()).isTrue();
      assertThat(fromSavepoint.path("external_path").asText())
          .contains(savepoint.getFileName().toString());

      // Event time advances only with data: one reading per partition far after the last window.
      flush(producer);
      int windows = READINGS / (int) (WINDOW.toMillis() / STEP.toMillis()) * ROOMS;
      poll(() -> roomMetricsCount(db) >= windows, TIMEOUT);
      Map<String, Map<String, String>> reference = reference();
      Map<String, Map<String, String>> actual = actualRows(db);
      assertThat(reference).hasSize(windows);
      assertThat(actual.keySet())
          .as(
              "room windows in InfluxDB (window start|room); %d readings in readings.late",
              KAFKA.consume(Topics.READINGS_LATE.name(), READINGS, Duration.ofSeconds(3)).size())
          .containsExactlyInAnyOrderElementsOf(reference.keySet());
      assertThat(actual).isEqualTo(reference);
      assertThat(
              InfluxExtension.rows(
                      INFLUX.query(
                          db, "SELECT sample_count FROM room_metrics WHERE time = '" + open + "'"))
                  .stream()
                  .map(r -> r.get("sample_count").asLong())
                  .toList())
          .as("the window open across the stop holds the readings before and after it")
          .containsExactly(25L, 25L, 25L, 25L);

      String cancelOut = voltstream("stop", "--flink", flink.restUri().toString(), "--job", JOB);
      assertThat(cancelOut).contains("cancelled " + JOB).contains("CANCELED");
      assertThat(flink.jobState(second)).isEqualTo("CANCELED");
    }
    LOG.info(
        "ClusterRecoveryITCase took {} s",
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  /**
   * The 4,000 readings: sensor {@code n % 8}, room {@code n % 8 % 4}, event time BASE + n·100 ms.
   */
  private static SensorReading reading(int n) {
    int sensor = n % SENSORS;
    return new SensorReading(
        "recovery-sensor-" + sensor,
        BASE.plus(STEP.multipliedBy(n)),
        "room-" + (sensor % ROOMS),
        SensorType.MULTI,
        (n % 16) / 1024.0,
        (double) (n % 997),
        400.0 + n % 211,
        18 + (n % 32) / 4.0,
        40.0 + n % 23,
        null,
        null,
        BASE.plus(STEP.multipliedBy(n)));
  }

  /** Produces readings {@code [from, to)}, each sensor to a fixed partition (sensor % 2). */
  private static void produce(KafkaProducer<String, String> producer, int from, int to)
      throws Exception {
    List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
    for (int n = from; n < to; n++) {
      SensorReading r = reading(n);
      sends.add(
          producer.send(
              new ProducerRecord<>(
                  Topics.READINGS.name(),
                  (n % SENSORS) % 2,
                  r.sensorId(),
                  Json.MAPPER.writeValueAsString(r))));
    }
    for (var send : sends) {
      send.get();
    }
  }

  /** One reading per partition, in a room of its own, 60 s after the last window. */
  private static void flush(KafkaProducer<String, String> producer) throws Exception {
    for (int partition = 0; partition < 2; partition++) {
      SensorReading r =
          new SensorReading(
              "flush-" + partition,
              BASE.plus(STEP.multipliedBy(READINGS)).plusSeconds(60),
              "flush",
              SensorType.MULTI,
              null,
              1.0,
              null,
              null,
              null,
              null,
              null,
              Instant.now());
      producer
          .send(
              new ProducerRecord<>(
                  Topics.READINGS.name(),
                  partition,
                  r.sensorId(),
                  Json.MAPPER.writeValueAsString(r)))
          .get();
    }
  }

  /** room_metrics as the job must have written them: time|room → column → value. */
  private static Map<String, Map<String, String>> reference() {
    Map<String, RoomAccumulator> windows = new TreeMap<>();
    for (int n = 0; n < READINGS; n++) {
      SensorReading r = reading(n);
      RoomAssignment room = RoomAssignment.assign(r, key -> null);
      long start = r.timestamp().toEpochMilli() / WINDOW.toMillis() * WINDOW.toMillis();
      windows.merge(
          start + "|" + room.room(),
          RoomAccumulator.empty().add(r, room.building()),
          RoomAccumulator::merge);
    }
    Map<String, Map<String, String>> rows = new TreeMap<>();
    windows.forEach(
        (key, acc) -> {
          Instant start = Instant.ofEpochMilli(Long.parseLong(key.split("\\|")[0]));
          RoomMetrics m =
              RoomCost.price(
                  acc.result().toMetrics(key.split("\\|")[1], start, start.plus(WINDOW)),
                  Tariffs.defaultTariff());
          var s = Schema.ROOM_METRICS;
          Map<String, String> row = new TreeMap<>();
          row.put(s.building.name(), m.building());
          put(row, s.energyKwh.name(), m.energyKwh());
          put(row, s.powerAvgW.name(), m.powerAvgW());
          put(row, s.powerMaxW.name(), m.powerMaxW());
          put(row, s.co2AvgPpm.name(), m.co2AvgPpm());
          put(row, s.temperatureAvgC.name(), m.temperatureAvgC());
          put(row, s.humidityAvgPercent.name(), m.humidityAvgPercent());
          put(row, s.generationKwh.name(), m.generationKwh());
          row.put(s.sampleCount.name(), Long.toString(m.sampleCount()));
          put(row, s.costEur.name(), m.costEur());
          rows.put(start + "|" + m.room(), row);
        });
    return rows;
  }

  private static void put(Map<String, String> row, String column, Double value) {
    if (value != null) {
      row.put(column, Double.toString(value));
    }
  }

  /** room_metrics of the test's rooms in InfluxDB: time|room → column → value. */
  private static Map<String, Map<String, String>> actualRows(String db) {
    Map<String, Map<String, String>> rows = new TreeMap<>();
    String sampleCount = Schema.ROOM_METRICS.sampleCount.name();
    for (Map<String, JsonNode> row :
        InfluxExtension.rows(
            INFLUX.query(db, "SELECT * FROM room_metrics WHERE room =~ /^room-/"))) {
      Map<String, String> values = new TreeMap<>();
      row.forEach(
          (column, value) -> {
            if (column.equals("time") || column.equals("room") || value.isNull()) {
              return;
            }
            values.put(
                column,
                value.isTextual()
                    ? value.asText()
                    : column.equals(sampleCount)
                        ? Long.toString(value.asLong())
                        : Double.toString(value.asDouble()));
          });
      rows.put(row.get("time").asText() + "|" + row.get("room").asText(), values);
    }
    return rows;
  }

  private static int roomMetricsCount(String db) {
    double count =
        InfluxExtension.firstValue(
            INFLUX.query(db, "SELECT count(sample_count) FROM room_metrics WHERE room =~ /^room-/"),
            1);
    return Double.isNaN(count) ? 0 : (int) count;
  }

  private static int roomMetricsAt(String db, Instant windowStart) {
    return InfluxExtension.rows(
            INFLUX.query(
                db, "SELECT sample_count FROM room_metrics WHERE time = '" + windowStart + "'"))
        .size();
  }

  /** Submits the room-aggregation job with {@code extra} flags; returns its job id. */
  private static String submit(FlinkStandaloneCluster flink, String db, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "submit",
                "--job",
                JOB,
                "--set",
                "VOLTSTREAM_CHECKPOINT_INTERVAL=1s",
                "--set",
                "VOLTSTREAM_WINDOW=10s",
                "--set",
                "VOLTSTREAM_MAX_OUT_OF_ORDERNESS=1s",
                // The test replays event time 20× faster than real time, so a reader that wakes
                // up a second after the other (both idle before the first reading) is 20 s of
                // event time behind: with idleness the awake partition alone would carry the
                // watermark past the sleeping one's windows and its readings would be late.
                // Both partitions get data throughout, so no partition needs to be declared idle.
                "--set",
                "VOLTSTREAM_SOURCE_IDLENESS=10m"));
    args.addAll(
        List.of(
            "--flink",
            flink.restUri().toString(),
            "--jar",
            ProjectLayout.jobJar().toString(),
            "--kafka",
            KAFKA.bootstrapServers(),
            "--influx",
            INFLUX.url(),
            "--influx-db",
            db));
    args.addAll(List.of(extra));
    String out = voltstream(args.toArray(String[]::new));
    String id = out.replaceAll("(?s).*submitted " + JOB + " as ([0-9a-f]{32}).*", "$1");
    assertThat(id).as("job id in: %s", out).matches("[0-9a-f]{32}");
    return id;
  }

  /** Runs the production CLI in this JVM; returns what it printed, fails on a non-zero exit. */
  private static String voltstream(String... args) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = System.out;
    int exit;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      exit = new CommandLine(new VoltstreamCli()).execute(args);
    } finally {
      System.setOut(out);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    LOG.info("voltstream {} → {}", args[0], printed.strip());
    assertThat(exit).as("exit code of voltstream %s: %s", args[0], printed).isZero();
    return printed;
  }

  /**
   * The checkpoint statistics of {@code jobId}; empty while the JobManager answers 5xx (the job is
   * still initializing, e.g. right after a submission or a restart).
   */
  private static JsonNode checkpoints(FlinkStandaloneCluster flink, String jobId) {
    try {
      return flink.rest("/jobs/" + jobId + "/checkpoints");
    } catch (FlinkStandaloneCluster.RestStatusException initializing) {
      return Json.MAPPER.createObjectNode();
    }
  }

  private static int completedCheckpoints(FlinkStandaloneCluster flink, String jobId) {
    return checkpoints(flink, jobId).path("counts").path("completed").asInt();
  }

  /** Waits for a checkpoint completed with an id above {@code afterId}: every task is running. */
  private static void awaitCheckpointAfter(
      FlinkStandaloneCluster flink, String jobId, long afterId) {
    assertThat(
            poll(
                () ->
                    checkpoints(flink, jobId).path("latest").path("completed").path("id").asLong(-1)
                        > afterId,
                TIMEOUT))
        .as("a checkpoint of %s after %d: %s", jobId, afterId, checkpoints(flink, jobId))
        .isTrue();
  }

  /**
   * Waits until {@code jobId} restored from a checkpoint or savepoint and completed a checkpoint
   * since (all its tasks run again); returns the restore's statistics.
   */
  private static JsonNode awaitRestore(FlinkStandaloneCluster flink, String jobId) {
    assertThat(
            poll(
                () -> checkpoints(flink, jobId).path("latest").path("restored").has("id"), TIMEOUT))
        .as("job %s restored: %s", jobId, checkpoints(flink, jobId))
        .isTrue();
    JsonNode restored = checkpoints(flink, jobId).path("latest").path("restored");
    awaitCheckpointAfter(flink, jobId, restored.path("id").asLong());
    LOG.info("job {} restored from {}", jobId, restored);
    return restored;
  }

  /** Polls every 200 ms: each poll is a REST or InfluxDB query. */
  private static boolean poll(BooleanSupplier condition, Duration timeout) {
    return Waits.until(condition, timeout, Duration.ofMillis(200));
  }
}
