package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Schema;
import io.voltstream.influx.Series;
import io.voltstream.infra.FreePorts;
import io.voltstream.infra.TopicReader;
import io.voltstream.infra.Waits;
import io.voltstream.launcher.stack.RetainedCheckpoints;
import io.voltstream.launcher.stack.StackOptions;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 12's "the restart of the demo mid-window keeps every reading": the demo ({@code voltstream
 * demo}, as a separate JVM with the launcher's classpath) is killed with SIGKILL while a room's
 * one-minute window is open, then started again on the same data directory.
 *
 * <p>The probe sensor's readings carry event times inside one window W, so W cannot fire before the
 * restart; they are published in three groups: before the kill and covered by a completed
 * checkpoint of the room aggregation (their window state must come back from it: without the
 * restore, the job resumes from the offsets committed at that checkpoint and skips them), before
 * the kill but possibly after that checkpoint (replayed from the checkpoint's Kafka offsets), and
 * while the demo is down (queued by mosquitto, which a killed JVM leaves running, for ingest's
 * persistent session; the next start stops it gracefully and starts it over the same persistence).
 * After the restart one more reading past W's end closes it: W's {@code room_metrics} point must
 * hold every reading, by count and by values, and {@code readings} every reading id.
 */
class DemoRestartITCase {
  private static final Logger LOG = LoggerFactory.getLogger(DemoRestartITCase.class);

  private static final String SENSOR = "restart-probe-meter";
  private static final String ROOM = "restart-lab";
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(10);
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);
  private static final String READY_LINE = "Voltstream demo is running.";
  private static final int CHECKPOINTED = 20;
  private static final int UNCHECKPOINTED = 10;
  private static final int WHILE_DOWN = 5;

  @TempDir Path tempDir;

  private final List<Process> demos = new ArrayList<>();
  private Path dataDir;
  private int mqttPort;
  private int kafkaPort;
  private int influxPort;
  private Instant windowStart;

  @AfterEach
  void killWhatIsLeft() {
    for (String name : List.of("first", "second")) {
      LOG.info(
          "output of demo '{}' (tail):{}{}", name, System.lineSeparator(), tail(outputOf(name)));
    }
    demos.forEach(Process::destroyForcibly);
    serversOfThisDataDir().forEach(ProcessHandle::destroyForcibly);
  }

  /** The servers a demo started: their command lines name their config under the data dir. */
  private List<ProcessHandle> serversOfThisDataDir() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false))
        .toList();
  }

  @Test
  void shouldKeepEveryReadingOfTheWindowOpenWhenTheDemoIsKilled() throws Exception {
    Instant testStart = Instant.now();
    dataDir = tempDir.resolve("data");
    mqttPort = FreePorts.pick();
    kafkaPort = FreePorts.pick();
    influxPort = FreePorts.pick();
    // two minutes back: every reading (and the one closing W) has a past event time
    windowStart = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES);

    Process first = startDemo("first");
    publish(0, CHECKPOINTED);
    awaitInReadings(CHECKPOINTED);
    Instant inKafka = Instant.now();
    // Two checkpoints completed after the readings were in Kafka: the first may have been taken
    // before the source fetched them, the second was taken after they were in the window state.
    Path roomCheckpoints = dataDir.resolve("flink/checkpoints/room-aggregation");
    assertThat(
            Waits.until(
                () -> checkpointsCompletedAfter(roomCheckpoints, inKafka) >= 2, PIPELINE_TIMEOUT))
        .as("two room-aggregation checkpoints completed in %s after %s", roomCheckpoints, inKafka)
        .isTrue();
    publish(CHECKPOINTED, UNCHECKPOINTED);
    awaitInReadings(CHECKPOINTED + UNCHECKPOINTED);
    first.destroyForcibly(); // SIGKILL
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Instant killedAt = Instant.now();
    assertThat(windowMetrics()).as("W has not fired before the kill").isEmpty();

    publish(CHECKPOINTED + UNCHECKPOINTED, WHILE_DOWN);

    Process second = startDemo("second");
    Instant restartedAt = Instant.now();
    String log = Files.readString(outputOf("second"), StandardCharsets.UTF_8);
    assertThat(log)
        .as("the room aggregation says which checkpoint it resumed from")
        .containsPattern(
            "Flink job 'room-aggregation' \\([0-9a-f]+\\) resumed from checkpoint .*chk-");
    int total = CHECKPOINTED + UNCHECKPOINTED + WHILE_DOWN;
    awaitInReadings(total);
    closeWindow();

    assertThat(Waits.until(() -> !windowMetrics().isEmpty(), PIPELINE_TIMEOUT))
        .as("room_metrics point of %s at %s", ROOM, windowStart)
        .isTrue();
    Map<String, Double> w = windowMetrics();
    double sum = 0;
    for (int i = 0; i < total; i++) {
      sum += powerW(i);
    }
    assertThat(w.get("sample_count")).as("readings in W").isEqualTo((double) total);
    assertThat(w.get("power_max_w")).isEqualTo(powerW(total - 1));
    assertThat(w.get("power_avg_w")).isCloseTo(sum / total, within(1e-9));
    assertThat(storedReadingIds()).as("reading ids in InfluxDB readings").isEqualTo(ids(total));
    LOG.info(
        "demo restart: killed {} s after the test started, second demo up {} s after the kill,"
            + " W complete {} s after it; test {} s",
        seconds(testStart, killedAt),
        seconds(killedAt, restartedAt),
        seconds(restartedAt, Instant.now()),
        seconds(testStart, Instant.now()));

    second.destroy(); // SIGTERM: a graceful stop of everything
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(serversOfThisDataDir().stream().map(ProcessHandle::pid).toList())
        .as("servers left running after a graceful stop")
        .isEmpty();
  }

  /** {@code voltstream demo --no-simulator} in a JVM of its own, returned once it is up. */
  private Process startDemo(String name) throws IOException {
    Path out = outputOf(name);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    // Flink's --add-opens, as the voltstream script passes them (failsafe's argLine has them)
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports"))
        .forEach(command::add);
    command.add("-Dvoltstream.log.dir=" + tempDir.resolve("log-" + name));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            VoltstreamCli.class.getName(),
            "demo",
            "--no-simulator",
            // No backfilled history: it runs up to the demo's start, which can lie past W's end
            // (a start in the first minute after a five-minute boundary); the watermark would
            // then pass W before the probe's first reading and every one would be late.
            "--history-days",
            "0",
            "--flink-port",
            "0"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(tempDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    Map<String, String> env = builder.environment();
    env.put("VOLTSTREAM_DATA_DIR", dataDir.toString());
    env.put("VOLTSTREAM_KAFKA_PORT", String.valueOf(kafkaPort));
    env.put("VOLTSTREAM_MQTT_PORT", String.valueOf(mqttPort));
    env.put("VOLTSTREAM_INFLUX_PORT", String.valueOf(influxPort));
    env.put("VOLTSTREAM_API_HOST", "127.0.0.1");
    env.put("VOLTSTREAM_API_PORT", "0");
    env.put("VOLTSTREAM_CHECKPOINT_INTERVAL", "2s");
    // This test is about durability across a kill, and its device publishes like one anonymous
    // device would; device authentication has its own tests (DeviceCredentialsITCase, DemoStack).
    env.put(StackOptions.MQTT_AUTH.name(), "false");
    // W closes as soon as the reading past its end arrives, not after the idle partitions time out
    env.put("VOLTSTREAM_SOURCE_IDLENESS", "2s");
    env.put("VOLTSTREAM_FORECAST_TRAINING_CSV", tempDir.resolve("no-training.csv").toString());
    Process demo = builder.start();
    demos.add(demo);
    boolean up =
        Waits.until(
            () -> !demo.isAlive() || contents(out).contains(READY_LINE),
            STARTUP_TIMEOUT,
            Duration.ofMillis(500));
    assertThat(up && demo.isAlive())
        .as("demo '%s' up within %s; output:%n%s", name, STARTUP_TIMEOUT, tail(out))
        .isTrue();
    return demo;
  }

  /** Publishes the probe readings {@code from} .. {@code from + count - 1} with QoS 1. */
  private void publish(int from, int count) {
    Mqtt5BlockingClient client = connect("restart-probe-" + from);
    try {
      for (int i = from; i < from + count; i++) {
        publishReading(client, timestamp(i), ROOM, powerW(i));
      }
    } finally {
      client.disconnect();
    }
  }

  /** A reading of another room past W's end and the out-of-orderness: the watermark passes W. */
  private void closeWindow() {
    Mqtt5BlockingClient client = connect("restart-probe-closer");
    try {
      publishReading(
          client, windowEnd().plus(OUT_OF_ORDERNESS).plusSeconds(5), "restart-closer", 1);
    } finally {
      client.disconnect();
    }
  }

  private Mqtt5BlockingClient connect(String clientId) {
    Mqtt5BlockingClient client =
        Mqtt5Client.builder()
            .identifier(clientId)
            .serverHost("127.0.0.1")
            .serverPort(mqttPort)
            .buildBlocking();
    client.connect();
    return client;
  }

  /** Returns once the broker acknowledged the reading (QoS 1). */
  private static void publishReading(
      Mqtt5BlockingClient client, Instant timestamp, String room, double powerW) {
    String payload =
        String.format(
            Locale.ROOT,
            "{\"sensor_id\":\"%s\",\"timestamp\":%d,\"room\":\"%s\",\"sensor_type\":\"power\","
                + "\"power\":{\"value\":%s,\"unit\":\"W\"}}",
            SENSOR,
            timestamp.toEpochMilli(),
            room,
            powerW);
    client
        .publishWith()
        .topic("sensors/" + SENSOR + "/readings")
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(payload.getBytes(StandardCharsets.UTF_8))
        .send();
  }

  private void awaitInReadings(int count) {
    Set<String> expected = ids(count);
    Set<String> seen = new TreeSet<>();
    boolean all =
        Waits.until(
            () -> {
              seen.clear();
              seen.addAll(readingIdsInKafka());
              return seen.containsAll(expected);
            },
            PIPELINE_TIMEOUT,
            Duration.ofSeconds(1));
    assertThat(all).as("readings %s in Kafka, seen %s", expected, seen).isTrue();
  }

  private Set<String> readingIdsInKafka() {
    List<ConsumerRecord<String, String>> records;
    try {
      records =
          TopicReader.read(
              "127.0.0.1:" + kafkaPort, Topics.READINGS.name(), Integer.MAX_VALUE, seconds(5));
    } catch (KafkaException slowMetadata) {
      return Set.of(); // a loaded box; the caller polls again
    }
    return records.stream()
        .map(r -> parse(r.value()))
        .filter(r -> SENSOR.equals(r.sensorId()) && r.timestamp().isBefore(windowEnd()))
        .map(SensorReading::readingId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static int checkpointsCompletedAfter(Path jobDir, Instant after) {
    return (int)
        new RetainedCheckpoints(jobDir)
            .complete().stream().filter(c -> c.completedAt().toInstant().isAfter(after)).count();
  }

  /** The fields of W's {@code room_metrics} point of the probe room (empty until it fired). */
  private Map<String, Double> windowMetrics() {
    var m = Schema.ROOM_METRICS;
    List<Series> answer =
        influx()
            .query(
                InfluxQuery.of("SELECT ")
                    .columns(m.sampleCount, m.powerAvgW, m.powerMaxW)
                    .text(" FROM ")
                    .from(m)
                    .text(" WHERE ")
                    .eq(m.room, "room", ROOM)
                    .text(" AND time = ")
                    .time(windowStart));
    Map<String, Double> fields = new TreeMap<>();
    for (Series series : answer) {
      for (List<Object> row : series.values()) {
        for (String column : List.of("sample_count", "power_avg_w", "power_max_w")) {
          fields.put(column, Series.number(row, series.column(column)));
        }
      }
    }
    return fields;
  }

  private Set<String> storedReadingIds() {
    var m = Schema.READINGS;
    List<Series> answer =
        influx()
            .query(
                InfluxQuery.of("SELECT ")
                    .column(m.powerW)
                    .text(" FROM ")
                    .from(m)
                    .text(" WHERE ")
                    .eq(m.sensorId, "sensor", SENSOR)
                    .text(" AND time >= ")
                    .time(windowStart)
                    .text(" AND time < ")
                    .time(windowEnd()));
    Set<String> ids = new TreeSet<>();
    for (Series series : answer) {
      for (List<Object> row : series.values()) {
        ids.add(SENSOR + "@" + series.time(row).toEpochMilli());
      }
    }
    return ids;
  }

  private InfluxClient influx() {
    return new InfluxClient(URI.create("http://127.0.0.1:" + influxPort), "voltstream");
  }

  private Instant timestamp(int i) {
    return windowStart.plusMillis(500L * (i + 1));
  }

  private Instant windowEnd() {
    return windowStart.plus(WINDOW);
  }

  /** Distinct values, so the average and the maximum tell which readings W holds. */
  private static double powerW(int i) {
    return 100 + 7 * i;
  }

  private Set<String> ids(int count) {
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      ids.add(SENSOR + "@" + timestamp(i).toEpochMilli());
    }
    return ids;
  }

  private Path outputOf(String name) {
    return tempDir.resolve("demo-" + name + ".out");
  }

  private static SensorReading parse(String json) {
    try {
      return Json.MAPPER.readValue(json, SensorReading.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contents(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path file) {
    String all = contents(file);
    return all.substring(Math.max(0, all.length() - 6000));
  }

  private static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }

  private static long seconds(Instant from, Instant to) {
    return Duration.between(from, to).toSeconds();
  }
}
