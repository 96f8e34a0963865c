package io.voltstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.infra.MosquittoBroker.Autosave;
import io.voltstream.infra.NumberedReadings;
import io.voltstream.infra.TopicReader;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.ingest.app.IngestApp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of the real mosquitto in the middle of a QoS 1 stream, with acknowledged readings queued
 * in it for the real ingest's persistent session: readings flow to Kafka, then ingest stops (as in
 * a restart or an outage) and the broker queues what the device keeps publishing, then the broker
 * is killed with SIGKILL, comes back on the same port over the same persistence, ingest starts
 * again with the same client id, and the device re-sends whatever it never got a PUBACK for. Every
 * reading must reach Kafka {@code readings} (counted by reading id; duplicates allowed). The only
 * loss mosquitto 2.0.11 allows with {@code autosave_on_changes true} + {@code autosave_interval 1}
 * is a PUBACK sent in the event-loop iteration whose save the kill interrupts (milliseconds); the
 * assertion allows exactly that window and the log reports what, if anything, was lost.
 */
class MosquittoCrashITCase {
  private static final Logger LOG = LoggerFactory.getLogger(MosquittoCrashITCase.class);

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  @RegisterExtension
  static final MosquittoExtension MQTT = new MosquittoExtension(Autosave.ON_EVERY_CHANGE);

  private static final int READINGS = 1_500;
  private static final int SENSORS = 30;
  private static final int PUBLISH_RATE_PER_S = 300;

  /** Published and stored while ingest runs; then ingest stops and the broker queues the rest. */
  private static final int PUBLISHED_BEFORE_INGEST_STOP = 300;

  /**
   * The broker is killed once this many acknowledged readings are queued for the stopped ingest.
   */
  private static final int QUEUED_AT_KILL = 150;

  /**
   * The documented window of loss, with room for a loaded box: a reading acknowledged longer than
   * this before the kill must have been saved (measured: the save lands 1–25 ms after the PUBACK).
   */
  private static final Duration LOSS_WINDOW = Duration.ofMillis(500);

  private static final Duration TIMEOUT = Duration.ofSeconds(45);
  private static final NumberedReadings DATA =
      new NumberedReadings(
          "mq-crash",
          SENSORS,
          Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));

  @Test
  void shouldKeepEveryAcknowledgedReadingWhenTheBrokerIsKilledMidStream() throws Exception {
    IngestItSupport.FreshTopics topics = IngestItSupport.freshTopics(KAFKA, MQTT, "ingest");
    String readingsTopic = topics.readings();
    String deadLetterTopic = topics.deadLetters();
    Map<String, String> env = topics.env();
    // the demo's setting: a plain subscription is part of the persisted session (a shared one is
    // not, see the README)
    env.put(IngestOptions.SHARED_SUBSCRIPTION.name(), "false");
    env.put(IngestOptions.COMMAND_BRIDGE.name(), "false");
    IngestConfig config = IngestConfig.fromEnv(env);

    try (RetryingDevicePublisher device =
        new RetryingDevicePublisher(
            MQTT.host(), MQTT.port(), KAFKA.uniqueName("device"), DATA::topic, DATA::payload)) {
      long killNanos;
      try (IngestApp first = IngestApp.start(config)) {
        assertThat(first.awaitSubscribed(TIMEOUT)).as("ingest subscribed").isTrue();
        device.connect();
        publishRange(device, 0, PUBLISHED_BEFORE_INGEST_STOP);
        assertThat(
                Waits.until(
                    () ->
                        first.metrics().snapshot().readingsAccepted()
                            >= PUBLISHED_BEFORE_INGEST_STOP,
                    TIMEOUT))
            .as("ingest stored the first readings")
            .isTrue();
      }
      int ackedAtIngestStop = device.acknowledged();
      CompletableFuture<Void> publishing =
          CompletableFuture.runAsync(
              () -> publishRange(device, PUBLISHED_BEFORE_INGEST_STOP, READINGS));
      assertThat(
              Waits.until(
                  () -> device.acknowledged() >= ackedAtIngestStop + QUEUED_AT_KILL, TIMEOUT))
          .as("readings acknowledged and queued for the stopped ingest")
          .isTrue();
      killNanos = System.nanoTime();
      MQTT.kill();
      LOG.info(
          "mosquitto killed with {} readings acknowledged to the device, {} of them while ingest"
              + " was stopped",
          device.acknowledged(),
          device.acknowledged() - ackedAtIngestStop);

      MQTT.start();
      try (IngestApp second = IngestApp.start(config)) {
        device.connect();
        publishing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(device.resendUnacknowledged(READINGS, TIMEOUT))
            .as("every reading acknowledged after the restart")
            .isTrue();

        Map<String, Integer> copies = new HashMap<>();
        Waits.until(
            () -> {
              copies.clear();
              copies.putAll(
                  NumberedReadings.copiesById(
                      KAFKA.bootstrapServers(), readingsTopic, Duration.ofSeconds(20)));
              return copies.size() == READINGS;
            },
            TIMEOUT,
            Duration.ofMillis(500));
        List<Integer> lost =
            IntStream.range(0, READINGS)
                .filter(i -> !copies.containsKey(DATA.readingId(i)))
                .boxed()
                .toList();
        LOG.info(
            "Kill -9 of mosquitto: {} of {} readings in Kafka, {} duplicate record(s), lost {}",
            copies.size(),
            READINGS,
            copies.values().stream().mapToLong(n -> n - 1).sum(),
            lost.stream().map(i -> describeLoss(device, i, killNanos)).toList());
        assertThat(lost)
            .as("lost readings acknowledged more than %s before the kill", LOSS_WINDOW)
            .allSatisfy(
                i ->
                    assertThat(killNanos - device.firstAckNanos(i))
                        .isLessThan(LOSS_WINDOW.toNanos()));
        assertThat(
                TopicReader.readToEnd(
                    KAFKA.bootstrapServers(), deadLetterTopic, Duration.ofSeconds(10)))
            .as("nothing dead-lettered")
            .isEmpty();
      }
    }
  }

  private static String describeLoss(RetryingDevicePublisher device, int i, long killNanos) {
    Long acked = device.firstAckNanos(i);
    return DATA.readingId(i)
        + (acked == null
            ? " (never acked?)"
            : " acked " + (killNanos - acked) / 1_000_000 + " ms before the kill");
  }

  /** Publishes readings {@code from}…{@code to - 1} once at {@link #PUBLISH_RATE_PER_S}. */
  private static void publishRange(RetryingDevicePublisher device, int from, int to) {
    long start = System.nanoTime();
    for (int i = from; i < to; i++) {
      long due = start + TimeUnit.SECONDS.toNanos(i - from) / PUBLISH_RATE_PER_S;
      while (System.nanoTime() < due) {
        LockSupport.parkNanos(due - System.nanoTime()); // load pacing, not synchronisation
      }
      device.publish(i);
    }
  }
}
