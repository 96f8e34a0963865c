package io.voltstream.ingest.app;

import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestMetrics;
import io.voltstream.ingest.MessageHandler;
import io.voltstream.ingest.RecordSink;
import io.voltstream.ingest.commands.CommandBridge;
import io.voltstream.ingest.kafka.KafkaRecordSink;
import io.voltstream.ingest.metrics.IngestMeters;
import io.voltstream.ingest.mqtt.MqttIngestSessions;
import io.voltstream.metrics.MetricsEndpoint;
import io.voltstream.metrics.MetricsOptions;
import io.voltstream.metrics.PrometheusEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ingest instance: MQTT readings, battery states and command acknowledgements in,
 * validated records and dead letters out to Kafka, each MQTT message acknowledged only after Kafka
 * acknowledged all of its records; and, unless switched off, the {@link CommandBridge} (Kafka
 * {@code commands} out to MQTT). {@link #start} returns at once (the MQTT client connects and
 * reconnects in the background); {@link #close()} stops taking messages, waits for those in flight,
 * flushes Kafka and disconnects, leaving the persistent session (and anything not yet acknowledged)
 * with the broker.
 *
 * <pre>{@code
 * try (IngestApp ingest = IngestApp.start(IngestConfig.fromEnv(System.getenv()))) {
 *   ingest.awaitSubscribed(Duration.ofSeconds(30));
 *   ...
 * }
 * }</pre>
 */
public final class IngestApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestApp.class);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private final IngestConfig config;
  private final IngestMetrics metrics;
  private final RecordSink sink;
  private final MqttIngestSessions mqtt;
  private final ScheduledExecutorService reporter;
  private final CommandBridge bridge;
  private final PrometheusEndpoint prometheus;
  private boolean closed;

  private IngestApp(
      IngestConfig config,
      IngestMetrics metrics,
      RecordSink sink,
      MqttIngestSessions mqtt,
      ScheduledExecutorService reporter,
      CommandBridge bridge,
      PrometheusEndpoint prometheus) {
    this.bridge = bridge;
    this.prometheus = prometheus;
    this.config = config;
    this.metrics = metrics;
    this.sink = sink;
    this.mqtt = mqtt;
    this.reporter = reporter;
  }

  /** Starts an instance with the real Kafka producer and MQTT client, without metrics endpoint. */
  public static IngestApp start(IngestConfig config) {
    return start(config, MetricsEndpoint.NONE);
  }

  /**
   * Starts an instance with the real Kafka producer and MQTT client; its counters are served on
   * {@code metricsEndpoint} ({@link MetricsOptions#INGEST_PORT}).
   */
  public static IngestApp start(IngestConfig config, MetricsEndpoint metricsEndpoint) {
    LOG.info("Starting ingest: {}", config);
    IngestMetrics metrics = new IngestMetrics();
    PrometheusEndpoint prometheus = PrometheusEndpoint.start("ingest", metricsEndpoint);
    new IngestMeters(metrics, config.clientId()).bindTo(prometheus.registry());
    RecordSink sink = KafkaRecordSink.create(config);
    MqttIngestSessions mqtt = new MqttIngestSessions(config, metrics);
    MessageHandler handler =
        new MessageHandler(sink, metrics, Clock.systemUTC(), mqtt::forceRedelivery);
    ScheduledExecutorService reporter =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "ingest-metrics-" + config.clientId());
              thread.setDaemon(true);
              return thread;
            });
    long periodS = config.metricsLogInterval().getSeconds();
    if (periodS > 0) {
      reporter.scheduleAtFixedRate(
          () -> LOG.info("Ingest {}: {}", config.clientId(), metrics.snapshot().summary()),
          periodS,
          periodS,
          TimeUnit.SECONDS);
    }
    mqtt.start(handler::handle);
    CommandBridge bridge =
        config.commandBridge() ? CommandBridge.start(config, Clock.systemUTC()) : null;
    return new IngestApp(config, metrics, sink, mqtt, reporter, bridge, prometheus);
  }

  public IngestMetrics metrics() {
    return metrics;
  }

  public IngestConfig config() {
    return config;
  }

  /** The port of this instance's {@code GET /metrics}; empty when it serves none. */
  public java.util.Optional<Integer> metricsPort() {
    return prometheus.port();
  }

  /** The command bridge's counters, or empty when the bridge is off. */
  public java.util.Optional<CommandBridge.Counts> commandBridgeCounts() {
    return java.util.Optional.ofNullable(bridge).map(CommandBridge::counts);
  }

  /**
   * Whether the shared subscription is in place (messages published from now on reach the group).
   */
  public boolean awaitSubscribed(Duration timeout) {
    return mqtt.awaitSubscribed(timeout);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("Stopping ingest {}", config.clientId());
    if (bridge != null) {
      bridge.close();
    }
    mqtt.stopConsuming();
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    sink.flush();
    while (metrics.messagesInFlight() > 0 && System.nanoTime() < deadline) {
      // Kafka callbacks finish the last messages right after the flush; wait for their acks.
      pause();
    }
    if (metrics.messagesInFlight() > 0) {
      LOG.warn(
          "{} message(s) still in flight after {}; the broker will redeliver them",
          metrics.messagesInFlight(),
          DRAIN_TIMEOUT);
    }
    mqtt.close();
    sink.close(Duration.ofSeconds(10));
    reporter.shutdownNow();
    prometheus.close();
    LOG.info("Ingest {} stopped: {}", config.clientId(), metrics.snapshot().summary());
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs one instance configured from the environment until the JVM is asked to stop (SIGTERM,
   * Ctrl-C).
   */
  public static void main(String[] args) throws InterruptedException {
    IngestApp app =
        start(
            IngestConfig.fromEnv(System.getenv()),
            MetricsEndpoint.fromEnv(System.getenv(), MetricsOptions.INGEST_PORT));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "ingest-shutdown"));
    stopped.await();
  }
}
