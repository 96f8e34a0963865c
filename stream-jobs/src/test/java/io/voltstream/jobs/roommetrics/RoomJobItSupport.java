package io.voltstream.jobs.roommetrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.influx.Series;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Shared steps of the room-aggregation ITCases: config, producing readings, watermark ticks, Influx
 * rows.
 */
final class RoomJobItSupport {

  static final int READING_PARTITIONS = 4;
  static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);
  static final Duration TIMEOUT = Duration.ofSeconds(90);
  static final String TICK_ROOM = "tick";

  private RoomJobItSupport() {}

  static JobsConfig config(KafkaExtension kafka, InfluxExtension influx, String db) {
    Map<String, String> env = new HashMap<>();
    env.put(JobsConfig.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
    env.put(JobsConfig.INFLUX_URL, influx.url());
    env.put(JobsConfig.INFLUX_DB, db);
    env.put(JobsConfig.CHECKPOINT_INTERVAL, "1s");
    env.put(JobsConfig.MAX_OUT_OF_ORDERNESS, OUT_OF_ORDERNESS.toSeconds() + "s");
    env.put(JobsConfig.SOURCE_IDLENESS, "2s");
    env.put(JobsConfig.WINDOW, "1m");
    return JobsConfig.fromEnv(env);
  }

  /** Starts the job with the real Kafka and InfluxDB connectors on the test MiniCluster. */
  static JobClient startJob(JobsConfig cfg) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    RoomAggregationJob.wireFromConfig(env, cfg);
    return env.executeAsync(RoomAggregationJobConfig.JOB_NAME);
  }

  static void cancel(JobClient job) throws Exception {
    if (job != null) {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  static void send(KafkaProducer<String, String> producer, SensorReading r) throws Exception {
    producer
        .send(new ProducerRecord<>(Topics.READINGS.name(), r.sensorId(), json(r)))
        .get(10, TimeUnit.SECONDS);
  }

  /** Sends {@code r} to {@code partition} of {@code readings}; returns its offset. */
  static long sendTo(KafkaProducer<String, String> producer, int partition, SensorReading r)
      throws Exception {
    return producer
        .send(new ProducerRecord<>(Topics.READINGS.name(), partition, r.sensorId(), json(r)))
        .get(10, TimeUnit.SECONDS)
        .offset();
  }

  static SensorReading tick(Instant ts) {
    return new SensorReading(
        "tick", ts, TICK_ROOM, SensorType.ENERGY, 0.0, null, null, null, null, null, null, null);
  }

  static void sendRegistry(KafkaProducer<String, String> producer, String key, String json)
      throws Exception {
    producer
        .send(new ProducerRecord<>(Topics.REGISTRY.name(), key, json))
        .get(10, TimeUnit.SECONDS);
  }

  static String json(Object o) throws JsonProcessingException {
    return Json.MAPPER.writeValueAsString(o);
  }

  /** Rows of the first series of an InfluxQL answer, column name → value. */
  static List<Map<String, JsonNode>> rows(List<Series> answer) {
    return InfluxExtension.rows(answer);
  }

  /**
   * Waits until {@code room} has a {@code room_metrics} point at {@code windowStart}; returns the
   * rows of that room.
   */
  static List<Map<String, JsonNode>> awaitRoomWindow(
      InfluxExtension influx, String db, String room, Instant windowStart) {
    return awaitRoomWindow(influx, db, room, windowStart, () -> {});
  }

  /**
   * As above, calling {@code nudge} between polls: event time only advances with data, so a test
   * keeps its "clock" sensor reporting (see {@link Ticker}) instead of hoping one tick was enough
   * (a job restart from a checkpoint, for example, forgets the watermark).
   */
  static List<Map<String, JsonNode>> awaitRoomWindow(
      InfluxExtension influx, String db, String room, Instant windowStart, Runnable nudge) {
    String q = "SELECT * FROM room_metrics WHERE room = '" + room + "'";
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      List<Map<String, JsonNode>> rows =
          rows(
              influx.awaitQuery(
                  db, q, a -> hasWindow(rows(a), windowStart), Duration.ofSeconds(2)));
      if (hasWindow(rows, windowStart) || System.nanoTime() > deadline) {
        return rows;
      }
      nudge.run();
    }
  }

  private static boolean hasWindow(List<Map<String, JsonNode>> rows, Instant windowStart) {
    return rows.stream().anyMatch(r -> r.get("time").asText().equals(windowStart.toString()));
  }

  /**
   * Sends tick readings one second apart to the given partitions of {@code readings}, one round per
   * {@link #run}.
   */
  static final class Ticker implements Runnable {
    private final KafkaProducer<String, String> producer;
    private final int[] partitions;
    private Instant next;

    Ticker(KafkaProducer<String, String> producer, Instant first, int... partitions) {
      this.producer = producer;
      this.next = first;
      this.partitions = partitions.length > 0 ? partitions : new int[] {0, 1, 2, 3};
    }

    @Override
    public void run() {
      try {
        for (int p : partitions) {
          sendTo(producer, p, tick(next));
        }
        next = next.plusSeconds(1);
      } catch (Exception e) {
        throw new IllegalStateException("tick failed", e);
      }
    }
  }

  static Map<String, JsonNode> rowAt(List<Map<String, JsonNode>> rows, Instant windowStart) {
    return rows.stream()
        .filter(r -> r.get("time").asText().equals(windowStart.toString()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no room_metrics point at " + windowStart + " in " + rows));
  }
}
