package io.voltstream.jobs.rawstore;

import static io.voltstream.infra.junit.InfluxExtension.firstValue;
import static io.voltstream.jobs.io.IoTestData.powerSum;
import static io.voltstream.jobs.io.IoTestData.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.influx.Series;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.io.JobsOptions;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
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
 * The production wiring ({@link RawReadingsJob#wireFromConfig}) on a MiniCluster with parallelism
 * 2: readings on a real Kafka broker land in a real influxd, exactly once per reading id, with
 * their values; undeserialisable records are skipped without failing the job.
 */
class RawReadingsJobITCase {
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
  void cancelJob() throws Exception {
    if (job != null && !job.getJobStatus().get().isGloballyTerminalState()) {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  private static void send(KafkaProducer<String, String> producer, SensorReading r)
      throws Exception {
    producer.send(
        new ProducerRecord<>(
            Topics.READINGS.name(), r.sensorId(), Json.MAPPER.writeValueAsString(r)));
  }

  @Test
  void shouldStoreEveryReadingFromKafkaInInfluxWithItsValues() throws Exception {
    KAFKA.createTopic(Topics.READINGS.name(), 4);
    String db = INFLUX.freshDatabase();
    int total = 3_000;
    JobsConfig cfg = jobsConfig(KAFKA, INFLUX, db);

    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      for (int i = 0; i < total / 2; i++) {
        send(producer, reading(i));
      }
      producer.send(new ProducerRecord<>(Topics.READINGS.name(), "junk", "{not json"));
      producer.send(new ProducerRecord<>(Topics.READINGS.name(), "junk", "{\"sensor_id\":\"x\"}"));
      producer.flush();

      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      job = RawReadingsJob.wireFromConfig(env, cfg).executeAsync("raw-readings-it");

      // The second half arrives while the job is running.
      for (int i = total / 2; i < total; i++) {
        send(producer, reading(i));
      }
      // A replayed reading (same sensor and event time) must overwrite, not add a point.
      send(producer, reading(42));
      producer.flush();
    }

    List<Series> counted =
        INFLUX.awaitQuery(
            db, "SELECT count(power_w) FROM readings", a -> firstValue(a, 1) >= total, TIMEOUT);
    assertThat(firstValue(counted, 1)).isEqualTo(total);
    assertThat(firstValue(INFLUX.query(db, "SELECT sum(power_w) FROM readings"), 1))
        .isEqualTo(powerSum(total));
    assertThat(firstValue(INFLUX.query(db, "SELECT sum(energy_kwh) FROM readings"), 1))
        .isCloseTo(powerSum(total) / 1000.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(
            firstValue(
                INFLUX.query(db, "SELECT count(power_w) FROM readings WHERE room = 'unassigned'"),
                1))
        .isEqualTo(total / 10);
    List<Series> one =
        INFLUX.query(
            db,
            "SELECT energy_kwh, power_w, room, sensor_type FROM readings WHERE sensor_id = 's3' AND"
                + " time = '2026-11-27T00:25:33Z'");
    assertThat(one.get(0).values())
        .containsExactly(
            List.of(
                Instant.parse("2026-11-27T00:25:33Z").toEpochMilli(),
                1.533,
                1533,
                "room-0",
                "multi"));
    assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
  }

  /** The production config on the test servers: 1 s checkpoints, a fresh consumer group. */
  static JobsConfig jobsConfig(KafkaExtension kafka, InfluxExtension influx, String db) {
    return JobsConfig.fromEnv(
        Map.of(
            JobsConfig.KAFKA_BOOTSTRAP,
            kafka.bootstrapServers(),
            JobsConfig.INFLUX_URL,
            influx.url(),
            JobsConfig.INFLUX_DB,
            db,
            JobsConfig.CHECKPOINT_INTERVAL,
            "1s",
            JobsOptions.CONSUMER_GROUP_PREFIX.name(),
            kafka.uniqueName("raw") + "-"));
  }
}
