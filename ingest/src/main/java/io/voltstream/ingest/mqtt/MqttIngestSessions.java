package io.voltstream.ingest.mqtt;

import io.voltstream.ingest.InboundMessage;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The MQTT sessions of one ingest instance ({@link IngestConfig#sessionClientIds()}), each a {@link
 * MqttIngestClient} in the same shared-subscription group, so the broker splits the readings, and a
 * backlog, between them.
 *
 * <p>Why several: mosquitto 2.0.11 numbers a queued message with its 16-bit packet id when it
 * enqueues it, so a session with more than 65,535 messages outstanding reuses ids; the HiveMQ
 * client takes that for a protocol violation, disconnects, and every resume repeats it while the
 * redeliveries reach Kafka again (ingest/README.md). N sessions raise that ceiling to N × 65,535
 * messages per instance. Each session has its own dispatcher thread and in-flight bound; they share
 * the listener (the Kafka sink is thread-safe).
 */
public final class MqttIngestSessions implements AutoCloseable {
  private final List<MqttIngestClient> sessions;

  public MqttIngestSessions(IngestConfig config, IngestMetrics metrics) {
    this.sessions =
        config.sessionClientIds().stream()
            .map(id -> new MqttIngestClient(config.withClientId(id), metrics))
            .toList();
  }

  /** Starts every session with the same listener; see {@link MqttIngestClient#start}. */
  public void start(Function<InboundMessage, CompletableFuture<Void>> listener) {
    sessions.forEach(session -> session.start(listener));
  }

  /** Whether every session's subscription is acknowledged within {@code timeout} in all. */
  public boolean awaitSubscribed(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (MqttIngestClient session : sessions) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!session.awaitSubscribed(left)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Has the broker deliver every unacknowledged message of every session again: a Kafka failure is
   * not specific to the session whose message saw it, and each session coalesces its own repeated
   * calls.
   */
  public void forceRedelivery() {
    sessions.forEach(MqttIngestClient::forceRedelivery);
  }

  /** Stops handing new messages to the listener in every session. */
  public void stopConsuming() {
    sessions.forEach(MqttIngestClient::stopConsuming);
  }

  @Override
  public void close() {
    sessions.forEach(MqttIngestClient::close);
  }
}
