package io.voltstream.jobs.rawstore;

import static io.voltstream.infra.junit.InfluxExtension.firstValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.voltstream.config.CommonOptions;
import io.voltstream.infra.NumberedReadings;
import io.voltstream.infra.TopicReader;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestOptions;
import io.voltstream.ingest.app.IngestApp;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker (in-process KRaft) stopped and restarted in place while devices publish over
 * real mosquitto, the real ingest writes to Kafka and the raw-readings job on a MiniCluster reads
 * Kafka into a real influxd. While Kafka is down ingest holds its unacknowledged MQTT messages (it
 * acknowledges only after Kafka did) and the broker queues the rest; afterwards every reading is in
 * Kafka {@code readings} and in InfluxDB, counted by reading id.
 */
class KafkaRestartITCase {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaRestartITCase.class);

  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final int READINGS = 3_000;
  private static final int SENSORS = 30;
  private static final int PUBLISH_RATE_PER_S = 500;

  /** Published and stored before Kafka stops; the rest is published through the outage. */
  private static final int PUBLISHED_BEFORE_STOP = 1_000;

  /**
   * PUBACKs beyond what ingest stored at the stop: proof that MQTT kept flowing into the broker.
   */
  private static final int ACKED_DURING_OUTAGE = 500;

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final NumberedReadings DATA =
      new NumberedReadings(
          "kafka-restart",
          SENSORS,
          Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));

  private JobClient job;

  @AfterEach
  void cancelJob() throws Exception {
    if (job != null && !job.getJobStatus().get().isGloballyTerminalState()) {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldLoseNoReadingWhenKafkaRestartsUnderIngestAndAJob() throws Exception {
    KAFKA.createTopic(Topics.READINGS.name(), 2);
    KAFKA.createTopic(Topics.READINGS_DLQ.name(), 1);
    String db = INFLUX.freshDatabase();
    job = startRawReadingsJob(db);
    Map<String, String> env = new HashMap<>();
    env.put(CommonOptions.MQTT_URL.name(), MQTT.serverUri());
    env.put(CommonOptions.KAFKA_BOOTSTRAP.name(), KAFKA.bootstrapServers());
    env.put(IngestOptions.CLIENT_ID.name(), KAFKA.uniqueName("ingest"));
    env.put(IngestOptions.COMMAND_BRIDGE.name(), "false");
    env.put(IngestOptions.METRICS_LOG_INTERVAL.name(), "2s");

    try (IngestApp ingest = IngestApp.start(IngestConfig.fromEnv(env))) {
      assertThat(ingest.awaitSubscribed(TIMEOUT)).as("ingest subscribed").isTrue();
      Mqtt5AsyncClient device =
          Mqtt5Client.builder()
              .identifier(KAFKA.uniqueName("device"))
              .serverHost(MQTT.host())
              .serverPort(MQTT.port())
              .buildAsync();
      device.connect().get(10, TimeUnit.SECONDS);
      AtomicInteger acked = new AtomicInteger();
      publishRange(device, acked, 0, PUBLISHED_BEFORE_STOP);
      assertThat(
              Waits.until(
                  () -> ingest.metrics().snapshot().readingsAccepted() >= PUBLISHED_BEFORE_STOP,
                  TIMEOUT))
          .as("ingest stored the readings published before the outage")
          .isTrue();
      KAFKA.kafka().stop();
      CompletableFuture<Void> publishing =
          CompletableFuture.runAsync(
              () -> publishRange(device, acked, PUBLISHED_BEFORE_STOP, READINGS));
      long storedAtStop = ingest.metrics().snapshot().readingsAccepted();
      int ackedAtStop = acked.get();
      // Kafka stays down until the broker acknowledged plenty more: ingest must hold them, not ack
      assertThat(Waits.until(() -> acked.get() >= ackedAtStop + ACKED_DURING_OUTAGE, TIMEOUT))
          .as("mosquitto kept acknowledging devices while Kafka was down")
          .isTrue();
      long storedDuringOutage = ingest.metrics().snapshot().readingsAccepted() - storedAtStop;
      KAFKA.kafka().start();
      LOG.info(
          "Kafka was down while {} readings were acknowledged to the device; ingest stored {}"
              + " meanwhile (records sent before the stop)",
          acked.get() - ackedAtStop,
          storedDuringOutage);
      assertThat(ingest.metrics().snapshot().kafkaFailures())
          .as("the outage stayed within the producer's delivery timeout")
          .isZero();

      publishing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      device.disconnect().get(10, TimeUnit.SECONDS);
      assertThat(acked.get()).as("every reading acknowledged by mosquitto").isEqualTo(READINGS);

      Map<String, Integer> copies = new HashMap<>();
      Waits.until(
          () -> {
            copies.clear();
            copies.putAll(
                NumberedReadings.copiesById(
                    KAFKA.bootstrapServers(), Topics.READINGS.name(), Duration.ofSeconds(20)));
            return copies.size() == READINGS;
          },
          TIMEOUT,
          Duration.ofMillis(500));
      List<String> missing =
          IntStream.range(0, READINGS)
              .mapToObj(DATA::readingId)
              .filter(id -> !copies.containsKey(id))
              .limit(20)
              .toList();
      LOG.info(
          "Kafka restart: {} of {} reading ids in Kafka, {} duplicate record(s)",
          copies.size(),
          READINGS,
          copies.values().stream().mapToInt(n -> n - 1).sum());
      assertThat(missing).as("reading ids missing in Kafka readings (first 20)").isEmpty();
      assertThat(
              TopicReader.readToEnd(
                  KAFKA.bootstrapServers(), Topics.READINGS_DLQ.name(), Duration.ofSeconds(10)))
          .as("nothing dead-lettered")
          .isEmpty();
    }

    // InfluxDB keys a raw point by sensor and event time = reading id; each reading has its own
    // power value, so count and sum together show that every id is there, each once
    var counted =
        INFLUX.awaitQuery(
            db,
            "SELECT count(power_w), sum(power_w) FROM readings",
            answer -> !answer.isEmpty() && firstValue(answer, 1) >= READINGS,
            TIMEOUT);
    assertThat(firstValue(counted, 1)).as("raw points in InfluxDB").isEqualTo(READINGS);
    assertThat(firstValue(counted, 2))
        .as("sum of the distinct power values")
        .isEqualTo((double) READINGS * (READINGS - 1) / 2);
    assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
  }

  private static JobClient startRawReadingsJob(String db) throws Exception {
    JobsConfig cfg = RawReadingsJobITCase.jobsConfig(KAFKA, INFLUX, db);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    return RawReadingsJob.wireFromConfig(env, cfg).executeAsync("raw-readings-kafka-restart");
  }

  /**
   * Publishes readings {@code from}…{@code to - 1} with QoS 1 at {@link #PUBLISH_RATE_PER_S},
   * counts the PUBACKs and returns once all of them arrived.
   */
  private static void publishRange(Mqtt5AsyncClient device, AtomicInteger acked, int from, int to) {
    Semaphore window = new Semaphore(200);
    long start = System.nanoTime();
    for (int i = from; i < to; i++) {
      long due = start + TimeUnit.SECONDS.toNanos(i - from) / PUBLISH_RATE_PER_S;
      while (System.nanoTime() < due) {
        LockSupport.parkNanos(due - System.nanoTime()); // load pacing, not synchronisation
      }
      window.acquireUninterruptibly();
      device
          .publishWith()
          .topic(DATA.topic(i))
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload(DATA.payload(i).getBytes(StandardCharsets.UTF_8))
          .send()
          .whenComplete(
              (result, error) -> {
                window.release();
                if (error == null && result.getError().isEmpty()) {
                  acked.incrementAndGet();
                }
              });
    }
    window.acquireUninterruptibly(200);
  }
}
