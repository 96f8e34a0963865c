package io.voltstream.jobs.roommetrics;

import static io.voltstream.jobs.roommetrics.RoomJobItSupport.awaitRoomWindow;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.rowAt;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.send;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.sendRegistry;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.sendTo;
import static io.voltstream.jobs.roommetrics.RoomTestData.climate;
import static io.voltstream.jobs.roommetrics.RoomTestData.meter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.roommetrics.logic.ReplayRange;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deterministic replay (issue 12 item 3): the live room aggregation runs over six minutes of
 * readings while sensor m1 moves from the kitchen to the hall mid-window and the hall moves from
 * building hq to annex; after the data m1 moves again (to the office, as of now). {@link
 * RoomMetricsReplay} then reprocesses the six minutes from Kafka into a fresh database, and its
 * {@code room_metrics} equal the live run's: every series, every window, every field. With
 * processing-time assignment the replay would put all of m1's readings in the office.
 *
 * <p>Real Kafka (KRaft), real influxd, Flink MiniCluster; the live job at parallelism 2.
 */
class RoomMetricsReplayITCase {

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  /**
   * Recent data: the registry keeps versions for {@code VersionHistory.RETENTION_HORIZON} (30 days)
   * before a change, and the change after the data is stamped now, as the API does.
   */
  private static final Instant T0 =
      Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));

  private static final Instant MOVE = T0.plusSeconds(210); // mid-window 3
  private static final Instant HALL_TO_ANNEX = T0.plusSeconds(240);
  private static final Instant END = T0.plusSeconds(360);
  private static final int READINGS_PER_SENSOR = 36; // every 10 s over [T0, END)
  private static final int EXPECTED_POINTS = 21; // kitchen, office, lobby × 6 + hall × 3
  private static final String RANGE =
      "SELECT * FROM room_metrics WHERE time >= '" + T0 + "' AND time < '" + END + "'";

  private JobClient live;

  @AfterEach
  void tearDown() throws Exception {
    RoomJobItSupport.cancel(live);
  }

  @Test
  void shouldReplayRoomMetricsExactlyAsTheLiveRunWroteThemAfterTheRegistryChanged()
      throws Exception {
    KAFKA.createStandardTopics(RoomJobItSupport.READING_PARTITIONS);
    String liveDb = INFLUX.freshDatabase();
    Sensor m1 = new Sensor("m1", "kitchen", SensorType.ENERGY, null, null);
    Room hall = new Room("hall", "hq", null);
    List<SensorReading> data = data();

    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      register(producer, RegistryKey.sensor("m1"), m1);
      register(
          producer,
          RegistryKey.sensor("m2"),
          new Sensor("m2", "kitchen", SensorType.ENERGY, null, null));
      register(
          producer,
          RegistryKey.sensor("c1"),
          new Sensor("c1", "office", SensorType.MULTI, null, null));
      register(producer, RegistryKey.room("kitchen"), new Room("kitchen", "hq", null));
      register(producer, RegistryKey.room("office"), new Room("office", "hq", null));
      register(producer, RegistryKey.room("hall"), hall);
      live = RoomJobItSupport.startJob(RoomJobItSupport.config(KAFKA, INFLUX, liveDb));

      Instant warmup = T0.minusSeconds(180);
      send(producer, meter("warm", "warmup", warmup.plusSeconds(1), 0.5, 1));
      awaitRoomWindow(
          INFLUX,
          liveDb,
          "warmup",
          warmup,
          new RoomJobItSupport.Ticker(producer, T0.minusSeconds(110)));
      awaitRegistryApplied(producer, "sync1");

      for (SensorReading r : data) {
        if (r.timestamp().isBefore(T0.plusSeconds(180))) {
          send(producer, r);
        }
      }
      // The registry changes mid-stream, effective at event times the readings have not reached.
      Sensor m1InHall =
          new Sensor("m1", "hall", SensorType.ENERGY, null, null).succeeding(m1, MOVE);
      Room hallInAnnex = new Room("hall", "annex", null).succeeding(hall, HALL_TO_ANNEX);
      register(producer, RegistryKey.sensor("m1"), m1InHall);
      register(producer, RegistryKey.room("hall"), hallInAnnex);
      awaitRegistryApplied(producer, "sync2");
      for (SensorReading r : data) {
        if (!r.timestamp().isBefore(T0.plusSeconds(180))) {
          send(producer, r);
        }
      }
      awaitRoomWindow(
          INFLUX,
          liveDb,
          "lobby",
          END.minusSeconds(60),
          new RoomJobItSupport.Ticker(producer, END.plusSeconds(1)));
      INFLUX.awaitQuery(
          liveDb,
          RANGE,
          a -> InfluxExtension.rows(a).size() >= EXPECTED_POINTS,
          RoomJobItSupport.TIMEOUT);
      RoomJobItSupport.cancel(live);
      live = null;

      // And again after the data: as of now, m1 is in the office and the hall back in hq.
      register(
          producer,
          RegistryKey.sensor("m1"),
          new Sensor("m1", "office", SensorType.ENERGY, null, null)
              .succeeding(m1InHall, Instant.now()));
      register(
          producer,
          RegistryKey.room("hall"),
          new Room("hall", "hq", null).succeeding(hallInAnnex, Instant.now()));
    }

    List<Map<String, JsonNode>> liveRows = sorted(INFLUX.query(liveDb, RANGE));
    assertThat(liveRows).hasSize(EXPECTED_POINTS);
    Map<String, JsonNode> kitchen3 = rowAt(rowsOf(liveRows, "kitchen"), T0.plusSeconds(180));
    assertThat(kitchen3.get("sample_count").asLong())
        .as("m2 ×6 + m1 before the move ×3")
        .isEqualTo(9);
    List<Map<String, JsonNode>> hallRows = rowsOf(liveRows, "hall");
    assertThat(hallRows)
        .extracting(r -> r.get("time").asText() + " " + r.get("building").asText())
        .containsExactly(
            T0.plusSeconds(180) + " hq",
            T0.plusSeconds(240) + " annex",
            T0.plusSeconds(300) + " annex");
    assertThat(rowAt(hallRows, T0.plusSeconds(180)).get("sample_count").asLong()).isEqualTo(3);

    String replayDb = "replay_" + UUID.randomUUID().toString().substring(0, 8);
    JobsConfig replayCfg = RoomJobItSupport.config(KAFKA, INFLUX, replayDb);
    assertThatThrownBy(
            () ->
                RoomMetricsReplay.run(
                    StreamExecutionEnvironment.getExecutionEnvironment(),
                    RoomJobItSupport.config(KAFKA, INFLUX, liveDb),
                    new ReplayRange(T0, END)))
        .as("a replay never writes into an existing database")
        .hasMessageContaining("exists");

    long started = System.nanoTime();
    RoomMetricsReplay.Result result =
        RoomMetricsReplay.run(
            StreamExecutionEnvironment.getExecutionEnvironment(),
            replayCfg,
            new ReplayRange(T0.plusSeconds(5), END.minusSeconds(30)));

    assertThat(sorted(INFLUX.query(replayDb, "SELECT * FROM room_metrics")))
        .as("replay (%d ms) equals the live run", (System.nanoTime() - started) / 1_000_000)
        .isEqualTo(liveRows);
    assertThat(result.range()).as("widened to whole windows").isEqualTo(new ReplayRange(T0, END));
    assertThat(result.readings()).isEqualTo(4L * READINGS_PER_SENSOR);
    assertThat(result.points()).isEqualTo(EXPECTED_POINTS);
  }

  /** m1 and m2 meters, c1 climate (all without payload room), p1 in the lobby by payload only. */
  private static List<SensorReading> data() {
    List<SensorReading> data = new ArrayList<>();
    for (int i = 0; i < READINGS_PER_SENSOR; i++) {
      Instant t = T0.plusSeconds(10L * i);
      data.add(meter("m1", null, t, 0.001 * (i + 1), 100 + i));
      data.add(meter("m2", null, t.plusSeconds(2), 0.002 * (i + 1), 200 + i));
      data.add(climate("c1", null, t.plusSeconds(3), 400 + i, 20 + 0.1 * i, 40));
      data.add(meter("p1", "lobby", t.plusSeconds(4), 0.003, 50));
    }
    return data;
  }

  /**
   * Waits until every subtask of the live job has applied the registry published so far: probe
   * sensors registered (after those records) to {@code probeRoom} send readings far behind the
   * watermark to every partition; late readings go to {@code readings.late} with the room they were
   * assigned, so once each partition's probe arrives there in {@code probeRoom}, the subtask
   * reading that partition has applied every earlier registry record (one registry partition: in
   * order). The probes are outside the replayed range.
   */
  private static void awaitRegistryApplied(KafkaProducer<String, String> producer, String probeRoom)
      throws Exception {
    int partitions = RoomJobItSupport.READING_PARTITIONS;
    for (int p = 0; p < partitions; p++) {
      register(
          producer,
          RegistryKey.sensor("probe-" + p),
          new Sensor("probe-" + p, probeRoom, SensorType.ENERGY, null, null));
    }
    Set<String> confirmed = new HashSet<>();
    Instant[] next = {T0.minus(Duration.ofMinutes(10))};
    boolean applied;
    try (KafkaConsumer<String, String> late = lateReadingsConsumer()) {
      applied =
          Waits.until(
              () -> {
                try {
                  for (int p = 0; p < partitions; p++) {
                    if (!confirmed.contains("probe-" + p)) {
                      sendTo(producer, p, meter("probe-" + p, "not-yet", next[0], 0, 0));
                    }
                  }
                  next[0] = next[0].plusSeconds(1);
                  for (ConsumerRecord<String, String> r : late.poll(Duration.ofMillis(500))) {
                    SensorReading reading = Json.MAPPER.readValue(r.value(), SensorReading.class);
                    if (probeRoom.equals(reading.room())) {
                      confirmed.add(reading.sensorId());
                    }
                  }
                  return confirmed.size() == partitions;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              RoomJobItSupport.TIMEOUT);
    }
    assertThat(applied).as("registry applied by every subtask, confirmed " + confirmed).isTrue();
  }

  /** Reads {@code readings.late} from the beginning, across polls. */
  private static KafkaConsumer<String, String> lateReadingsConsumer() {
    Properties props = KAFKA.clientProperties();
    props.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.READINGS_LATE.name(), RoomJobItSupport.TIMEOUT).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private static void register(
      KafkaProducer<String, String> producer, RegistryKey key, Object value) throws Exception {
    sendRegistry(producer, key.encode(), Json.MAPPER.writeValueAsString(value));
  }

  private static List<Map<String, JsonNode>> rowsOf(List<Map<String, JsonNode>> rows, String room) {
    return rows.stream().filter(r -> room.equals(r.get("room").asText())).toList();
  }

  private static List<Map<String, JsonNode>> sorted(List<io.voltstream.influx.Series> answer) {
    return InfluxExtension.rows(answer).stream()
        .sorted(
            Comparator.comparing((Map<String, JsonNode> r) -> r.get("room").asText())
                .thenComparing(r -> r.get("time").asText()))
        .toList();
  }
}
