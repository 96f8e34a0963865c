package io.voltstream.launcher.stack;

import io.voltstream.influx.InfluxClient;
import io.voltstream.infra.EmbeddedKafka;
import io.voltstream.infra.InfluxServer;
import io.voltstream.infra.MosquittoBroker;
import io.voltstream.infra.TopicProvisioner;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers the demo (and the benchmark) run on this machine: an in-process KRaft Kafka, a
 * mosquitto child process and an influxd child process, each with its data under the data
 * directory, so a second start keeps what the first one stored.
 */
public final class LocalInfrastructure implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);

  private final Lifecycle lifecycle = new Lifecycle();
  private final EmbeddedKafka kafka;
  private final MosquittoBroker mosquitto;
  private final InfluxServer influx;
  private final String database;

  private LocalInfrastructure(LocalInfrastructureConfig cfg) {
    try {
      LOG.info("Starting Kafka (KRaft, in-process) on port {}", cfg.kafkaPort());
      kafka = lifecycle.add("Kafka", EmbeddedKafka.builder()
          .dataDir(cfg.dataDir().resolve("kafka")).port(cfg.kafkaPort()).defaultPartitions(2).start());
      TopicProvisioner.ensureStandardTopics(kafka.bootstrapServers(), cfg.readingPartitions());
      LOG.info("Starting mosquitto on port {}", cfg.mqttPort());
      mosquitto = lifecycle.add("mosquitto", MosquittoBroker.start(cfg.dataDir().resolve("mosquitto"), cfg.mqttPort()));
      LOG.info("Starting influxd on port {}", cfg.influxPort());
      influx = lifecycle.add("influxd", InfluxServer.start(cfg.dataDir().resolve("influxdb"), cfg.influxPort()));
      database = cfg.influxDatabase();
      influxClient().createDatabase();
    } catch (RuntimeException e) {
      lifecycle.close();
      throw e;
    }
  }

  public static LocalInfrastructure start(LocalInfrastructureConfig cfg) {
    return new LocalInfrastructure(cfg);
  }

  /** {@code env} with the addresses of these servers laid over it, for the modules' configs. */
  public Map<String, String> environmentFor(Map<String, String> env) {
    Map<String, String> merged = new HashMap<>(env);
    merged.put("VOLTSTREAM_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
    merged.put("VOLTSTREAM_MQTT_URL", mosquitto.serverUri());
    merged.put("VOLTSTREAM_INFLUX_URL", influx.url().toString());
    merged.put("VOLTSTREAM_INFLUX_DB", database);
    return merged;
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  public MosquittoBroker mosquitto() {
    return mosquitto;
  }

  public InfluxServer influx() {
    return influx;
  }

  /** A client of the local influxd for the configured database. */
  public InfluxClient influxClient() {
    return new InfluxClient(URI.create(influx.url()), database);
  }

  public String database() {
    return database;
  }

  @Override
  public void close() {
    lifecycle.close();
  }

  /** Ports and places of the local servers. */
  public record LocalInfrastructureConfig(
      Path dataDir, int kafkaPort, int mqttPort, int influxPort, String influxDatabase, int readingPartitions) {

    /** Reads VOLTSTREAM_KAFKA_PORT (9092), VOLTSTREAM_MQTT_PORT (1883), VOLTSTREAM_INFLUX_PORT (8086). */
    public static LocalInfrastructureConfig fromEnv(Map<String, String> env) {
      return new LocalInfrastructureConfig(
          Path.of(env.getOrDefault("VOLTSTREAM_DATA_DIR", "./var")).toAbsolutePath().normalize(),
          port(env, "VOLTSTREAM_KAFKA_PORT", 9092),
          port(env, "VOLTSTREAM_MQTT_PORT", 1883),
          port(env, "VOLTSTREAM_INFLUX_PORT", 8086),
          env.getOrDefault("VOLTSTREAM_INFLUX_DB", "voltstream"),
          integer(env, "VOLTSTREAM_READING_PARTITIONS", TopicProvisioner.DEFAULT_READING_PARTITIONS, 1, 256));
    }

    private static int port(Map<String, String> env, String key, int def) {
      return integer(env, key, def, 0, 65535);
    }

    private static int integer(Map<String, String> env, String key, int def, int min, int max) {
      String raw = env.get(key);
      if (raw == null || raw.isBlank()) {
        return def;
      }
      try {
        int v = Integer.parseInt(raw.trim());
        if (v < min || v > max) {
          throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be an integer, got '" + raw + "'", e);
      }
    }
  }
}
