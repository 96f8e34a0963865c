package io.voltstream.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.influx.Series;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.model.Json;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert job with its real Kafka sources/sinks and InfluxDB sink: one event of each kind end to
 * end.
 */
class AlertJobITCase {

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private JobClient job;

  @AfterEach
  void tearDown() throws Exception {
    if (job != null) {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldEmitComfortSilenceAndLateBurstEventsToKafkaAndInflux() throws Exception {
    KAFKA.createStandardTopics(4);
    String db = INFLUX.freshDatabase();
    Map<String, String> vars = new HashMap<>();
    vars.put(JobsConfig.KAFKA_BOOTSTRAP, KAFKA.bootstrapServers());
    vars.put(JobsConfig.INFLUX_URL, INFLUX.url());
    vars.put(JobsConfig.INFLUX_DB, db);
    vars.put(JobsConfig.CHECKPOINT_INTERVAL, "1s");
    vars.put(JobsConfig.MAX_OUT_OF_ORDERNESS, "5s");
    vars.put(JobsConfig.SOURCE_IDLENESS, "2s");
    vars.put(AlertJobConfig.LATE_BURST_PER_MINUTE, "2");
    vars.put(AlertJobConfig.LATE_BURST_GRACE, "1s");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    AlertJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
    job = env.executeAsync(AlertJobConfig.JOB_NAME);

    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      send(
          producer,
          Topics.ROOM_METRICS.name(),
          "kitchen",
          new RoomMetrics(
              "kitchen",
              "hq",
              T0,
              T0.plusSeconds(60),
              null,
              null,
              null,
              1250.0,
              21.0,
              40.0,
              null,
              4));
      send(producer, Topics.READINGS.name(), "m1", reading("m1", T0, null));
      for (int i = 0; i < 3; i++) {
        send(
            producer,
            Topics.READINGS_LATE.name(),
            "m9",
            reading("m9", T0.minusSeconds(3600 + i), T0.plusSeconds(5 + i)));
      }
      // Event time only moves with data: keep the other sensors reporting (one tick per partition,
      // one second later each round) until m1's silence shows up or the deadline passes.
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      Instant tick = T0.plusSeconds(400);
      while (eventIds().size() < 3 && System.nanoTime() < deadline) {
        for (int p = 0; p < 4; p++) {
          producer
              .send(
                  new ProducerRecord<>(
                      Topics.READINGS.name(),
                      p,
                      "tick",
                      Json.MAPPER.writeValueAsString(reading("tick", tick, null))))
              .get(10, TimeUnit.SECONDS);
        }
        tick = tick.plusSeconds(1);
      }
    }

    assertThat(eventIds())
        .containsExactlyInAnyOrder(
            "co2_high:kitchen:" + T0.toEpochMilli(),
            "sensor_silent:m1:" + T0.plusSeconds(300).toEpochMilli(),
            "late_data_burst:office:" + T0.toEpochMilli());

    List<Series> answer =
        INFLUX.awaitQuery(
            db,
            "SELECT count(event_id) FROM events",
            a -> InfluxExtension.firstValue(a, 1) >= 3,
            TIMEOUT);
    assertThat(InfluxExtension.firstValue(answer, 1)).isEqualTo(3.0);
  }

  private static List<String> eventIds() {
    return KAFKA.consumeValues(Topics.EVENTS.name(), 3, Duration.ofSeconds(2)).stream()
        .map(AlertJobITCase::event)
        .map(SystemEvent::eventId)
        .distinct()
        .toList();
  }

  private static SensorReading reading(String sensorId, Instant ts, Instant ingestedAt) {
    return new SensorReading(
        sensorId,
        ts,
        "office",
        SensorType.ENERGY,
        0.1,
        null,
        null,
        null,
        null,
        null,
        null,
        ingestedAt);
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, String key, Object value)
      throws Exception {
    producer
        .send(new ProducerRecord<>(topic, key, Json.MAPPER.writeValueAsString(value)))
        .get(10, TimeUnit.SECONDS);
  }

  private static SystemEvent event(String json) {
    try {
      return Json.MAPPER.readValue(json, SystemEvent.class);
    } catch (Exception e) {
      throw new AssertionError("not a SystemEvent: " + json, e);
    }
  }
}
