package io.voltstream.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka 4.2 (KRaft, combined broker and controller) running inside this JVM, built on
 * Kafka's own {@link KafkaRaftServer}. The demo runs it on port 9092 over {@code ./var/kafka} and
 * reuses the data across restarts; tests run it on free ports over a temp dir, and {@link #stop()}
 * + {@link #start()} restart it in place (same ports, same data) to test what clients do through a
 * broker outage.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(Path.of("var/kafka")).port(9092).start()) {
 *   TopicProvisioner.ensureStandardTopics(kafka.bootstrapServers(), 4);
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Builder settings;
  private final int port;
  private final int controllerPort;
  private final KafkaConfig config;
  private KafkaRaftServer server;
  private final Thread shutdownHook;
  private boolean closed;

  private EmbeddedKafka(
      Builder settings, int port, int controllerPort, KafkaConfig config, KafkaRaftServer server) {
    this.settings = settings;
    this.port = port;
    this.controllerPort = controllerPort;
    this.config = config;
    this.server = server;
    this.shutdownHook = new Thread(this::close, "voltstream-kafka-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A broker on {@code port} (0 = a free port) with its data in {@code dataDir}. */
  public static EmbeddedKafka start(Path dataDir, int port) {
    return builder().dataDir(dataDir).port(port).start();
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return settings.dataDir;
  }

  /**
   * Shuts the broker down (controlled shutdown, logs flushed) but keeps its data dir and ports, so
   * {@link #start()} brings the same broker back: a Kafka outage as clients see it. No-op when
   * stopped.
   */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    long started = System.nanoTime();
    server.shutdown();
    server.awaitShutdown();
    server = null;
    LOG.info(
        "Kafka on {} stopped in {} ms",
        bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /**
   * Starts the broker again after {@link #stop()}, on the same ports over the same data dir
   * (topics, offsets and transactions survive), and waits until it serves clients. No-op when
   * running.
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("Kafka on " + bootstrapServers() + " was closed");
    }
    if (server != null) {
      return;
    }
    long started = System.nanoTime();
    server = Builder.startServer(config, port);
    LOG.info(
        "Kafka on {} started again in {} ms",
        bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** Whether the broker is running (not stopped or closed). */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Shuts the broker down (controlled shutdown, logs flushed) and waits for it. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the JVM is exiting and this very hook may be the caller
    }
  }

  /**
   * Settings of an {@link EmbeddedKafka}; {@link #start()} validates them and starts the broker.
   */
  public static final class Builder {
    private Path dataDir;
    private int port = 0;
    private int controllerPort = 0;
    private int defaultPartitions = 2;
    private final Properties overrides = new Properties();

    private Builder() {}

    /** Where the logs and the KRaft metadata live; formatted only when not formatted yet. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Client port on 127.0.0.1 (default 0 = a free port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** KRaft controller port on 127.0.0.1 (default 0 = a free port). */
    public Builder controllerPort(int controllerPort) {
      this.controllerPort = controllerPort;
      return this;
    }

    /** {@code num.partitions} for topics created without an explicit count (default 2). */
    public Builder defaultPartitions(int defaultPartitions) {
      this.defaultPartitions = defaultPartitions;
      return this;
    }

    /** Any other broker property, e.g. {@code log.retention.hours}. */
    public Builder brokerProperty(String key, String value) {
      overrides.setProperty(key, value);
      return this;
    }

    public EmbeddedKafka start() {
      if (dataDir == null) {
        throw new IllegalArgumentException("EmbeddedKafka: set dataDir(Path) (e.g. var/kafka)");
      }
      if (port < 0 || port > 65535 || controllerPort < 0 || controllerPort > 65535) {
        throw new IllegalArgumentException(
            "EmbeddedKafka: port and controllerPort must be 0..65535, got "
                + port
                + "/"
                + controllerPort);
      }
      if (defaultPartitions < 1) {
        throw new IllegalArgumentException(
            "EmbeddedKafka: defaultPartitions must be >= 1, got " + defaultPartitions);
      }
      for (int fixed : new int[] {port, controllerPort}) {
        if (fixed != 0 && FreePorts.isAccepting("127.0.0.1", fixed)) {
          throw new InfraException(
              "port " + fixed + " on 127.0.0.1 is already in use: another Kafka running? (Kafka)");
        }
      }
      boolean freePorts = port == 0 || controllerPort == 0;
      int attempts = freePorts ? 3 : 1;
      RuntimeException last = null;
      for (int attempt = 1; attempt <= attempts; attempt++) {
        int brokerPort = port == 0 ? FreePorts.pick() : port;
        int ctrlPort = controllerPort == 0 ? FreePorts.pick() : controllerPort;
        try {
          return startOnce(brokerPort, ctrlPort);
        } catch (RuntimeException e) {
          // a free port may have been taken between pick() and bind: retry with new ones
          last = e;
          LOG.warn(
              "Kafka start attempt {} on {}/{} failed: {}",
              attempt,
              brokerPort,
              ctrlPort,
              e.toString());
        }
      }
      throw new InfraException(
          "Kafka did not start in " + dataDir + ": " + last.getMessage(), last);
    }

    private EmbeddedKafka startOnce(int brokerPort, int ctrlPort) {
      long started = System.nanoTime();
      Path logDir = dataDir.toAbsolutePath();
      try {
        Files.createDirectories(logDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create Kafka data dir " + logDir, e);
      }
      KafkaConfig config = KafkaConfig.fromProps(brokerProperties(logDir, brokerPort, ctrlPort));
      formatIfNeeded(config, logDir);
      KafkaRaftServer server = startServer(config, brokerPort);
      EmbeddedKafka kafka = new EmbeddedKafka(this, brokerPort, ctrlPort, config, server);
      LOG.info(
          "Kafka ready on {} (data {}) in {} ms",
          kafka.bootstrapServers(),
          logDir,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return kafka;
    }

    private static KafkaRaftServer startServer(KafkaConfig config, int brokerPort) {
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      try {
        server.startup();
        awaitReady(brokerPort);
      } catch (RuntimeException e) {
        server.shutdown();
        server.awaitShutdown();
        throw e;
      }
      return server;
    }

    private Properties brokerProperties(Path logDir, int brokerPort, int ctrlPort) {
      Properties p = new Properties();
      p.setProperty("process.roles", "broker,controller");
      p.setProperty("node.id", "1");
      p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + ctrlPort);
      p.setProperty(
          "listeners",
          "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + ctrlPort);
      p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
      p.setProperty("controller.listener.names", "CONTROLLER");
      p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      p.setProperty("inter.broker.listener.name", "PLAINTEXT");
      p.setProperty("log.dirs", logDir.toString());
      p.setProperty("num.partitions", Integer.toString(defaultPartitions));
      p.setProperty("default.replication.factor", "1");
      p.setProperty("min.insync.replicas", "1");
      p.setProperty("offsets.topic.replication.factor", "1");
      p.setProperty("offsets.topic.num.partitions", "4");
      p.setProperty("transaction.state.log.replication.factor", "1");
      p.setProperty("transaction.state.log.min.isr", "1");
      p.setProperty("transaction.state.log.num.partitions", "4");
      p.setProperty("share.coordinator.state.topic.replication.factor", "1");
      p.setProperty("share.coordinator.state.topic.min.isr", "1");
      p.setProperty("group.initial.rebalance.delay.ms", "0");
      p.setProperty("auto.create.topics.enable", "false");
      // Flink's exactly-once sink keeps transactions open for a checkpoint interval or more.
      p.setProperty("transaction.max.timeout.ms", "3600000");
      p.setProperty("controlled.shutdown.enable", "true");
      p.setProperty("num.network.threads", "2");
      p.setProperty("num.io.threads", "4");
      p.setProperty("num.recovery.threads.per.data.dir", "1");
      p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
      p.setProperty("log.cleaner.backoff.ms", "1000");
      for (Map.Entry<Object, Object> e : overrides.entrySet()) {
        p.setProperty(e.getKey().toString(), e.getValue().toString());
      }
      return p;
    }

    private static void formatIfNeeded(KafkaConfig config, Path logDir) {
      if (Files.exists(logDir.resolve("meta.properties"))) {
        return;
      }
      try {
        new Formatter()
            .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
            .setNodeId(1)
            .setClusterId(Uuid.randomUuid().toString())
            .setControllerListenerName("CONTROLLER")
            .setMetadataLogDirectory(logDir.toString())
            .addDirectory(logDir.toString())
            .setIgnoreFormatted(true)
            .run();
        LOG.info("formatted Kafka data dir {}", logDir);
      } catch (Exception e) {
        throw new InfraException("cannot format Kafka data dir " + logDir + ": " + e, e);
      }
    }

    private static void awaitReady(int brokerPort) {
      Properties props = new Properties();
      props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + brokerPort);
      props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
      props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
      long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
      try (Admin admin = Admin.create(props)) {
        while (true) {
          try {
            if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
              return;
            }
          } catch (java.util.concurrent.ExecutionException
              | java.util.concurrent.TimeoutException e) {
            if (System.nanoTime() > deadline) {
              throw new InfraException("Kafka on port " + brokerPort + " not ready: " + e, e);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while waiting for Kafka", e);
          }
          if (System.nanoTime() > deadline) {
            throw new InfraException("Kafka on port " + brokerPort + " has no live broker");
          }
          Waits.pause(Duration.ofMillis(50));
        }
      }
    }
  }
}
