package io.voltstream.launcher.stack;

import io.voltstream.api.mqttauth.DeviceCredentials;
import io.voltstream.api.mqttauth.DynsecAccounts;
import io.voltstream.api.mqttauth.MqttAdminOptions;
import io.voltstream.config.CommonOptions;
import io.voltstream.config.ConfigReader;
import io.voltstream.influx.InfluxClient;
import io.voltstream.infra.EmbeddedKafka;
import io.voltstream.infra.InfluxServer;
import io.voltstream.infra.MosquittoAuth;
import io.voltstream.infra.MosquittoBroker;
import io.voltstream.infra.TopicProvisioner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers the demo (and the benchmark) run on this machine: an in-process KRaft Kafka, a
 * mosquitto child process and an influxd child process, each with its data under the data
 * directory, so a second start keeps what the first one stored. mosquitto admits only accounts of
 * its dynamic security plugin unless {@code VOLTSTREAM_MQTT_AUTH=false}; its admin password lives
 * in {@code <data dir>/mosquitto/admin.password} (mode 600, see {@link MosquittoAdmin}).
 */
public final class LocalInfrastructure implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalInfrastructure.class);
  private static final Duration ACCOUNT_TIMEOUT = Duration.ofSeconds(15);

  private final Lifecycle lifecycle = new Lifecycle();
  private final EmbeddedKafka kafka;
  private final MosquittoBroker mosquitto;
  private final Optional<MosquittoAuth> mosquittoAuth;
  private final InfluxServer influx;
  private final String database;

  private LocalInfrastructure(LocalInfrastructureConfig cfg) {
    try {
      LOG.info("Starting Kafka (KRaft, in-process) on port {}", cfg.kafkaPort());
      kafka =
          lifecycle.add(
              "Kafka",
              EmbeddedKafka.builder()
                  .dataDir(cfg.dataDir().resolve("kafka"))
                  .port(cfg.kafkaPort())
                  .defaultPartitions(2)
                  .start());
      TopicProvisioner.ensureStandardTopics(kafka.bootstrapServers(), cfg.readingPartitions());
      LOG.info(
          "Starting mosquitto on port {} ({})",
          cfg.mqttPort(),
          cfg.mqttAuth() ? "device authentication" : "anonymous");
      Path mosquittoDir = cfg.dataDir().resolve("mosquitto");
      mosquittoAuth =
          cfg.mqttAuth() ? Optional.of(MosquittoAdmin.load(mosquittoDir)) : Optional.empty();
      mosquitto =
          lifecycle.add(
              "mosquitto",
              MosquittoBroker.start(mosquittoDir, cfg.mqttPort(), mosquittoAuth.orElse(null)));
      LOG.info("Starting influxd on port {}", cfg.influxPort());
      influx =
          lifecycle.add(
              "influxd", InfluxServer.start(cfg.dataDir().resolve("influxdb"), cfg.influxPort()));
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
    merged.put(CommonOptions.KAFKA_BOOTSTRAP.name(), kafka.bootstrapServers());
    merged.put(CommonOptions.MQTT_URL.name(), mosquitto.serverUri());

    merged.put(CommonOptions.INFLUX_URL.name(), influx.url().toString());
    merged.put(CommonOptions.INFLUX_DB.name(), database);
    return merged;
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  public MosquittoBroker mosquitto() {
    return mosquitto;
  }

  /**
   * The broker's account service (issue device logins, service accounts) when device authentication
   * is on; its admin connection is closed with {@code owner}.
   */
  public Optional<DeviceCredentials> mqttAccounts(Lifecycle owner) {
    return mosquittoAuth.map(
        auth ->
            new DeviceCredentials(
                owner.add(
                    "MQTT accounts",
                    DynsecAccounts.connect(
                        mosquitto.host(),
                        mosquitto.port(),
                        new MqttAdminOptions.MqttAdmin(auth.adminUsername(), auth.adminPassword()),
                        ACCOUNT_TIMEOUT)),
                Clock.systemUTC()));
  }

  /** The broker's dynamic-security admin, when device authentication is on. */
  public Optional<MosquittoAuth> mosquittoAuth() {
    return mosquittoAuth;
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
      Path dataDir,
      int kafkaPort,
      int mqttPort,
      int influxPort,
      String influxDatabase,
      int readingPartitions,
      boolean mqttAuth) {

    /**
     * Reads the ports and places declared in {@link StackOptions} and the data directory and
     * database.
     */
    public static LocalInfrastructureConfig fromEnv(Map<String, String> env) {
      ConfigReader r = new ConfigReader(env);
      return new LocalInfrastructureConfig(
          r.get(CommonOptions.DATA_DIR).toAbsolutePath().normalize(),
          r.get(StackOptions.KAFKA_PORT),
          r.get(StackOptions.MQTT_PORT),
          r.get(StackOptions.INFLUX_PORT),
          r.get(CommonOptions.INFLUX_DB),
          r.get(StackOptions.READING_PARTITIONS),
          r.get(StackOptions.MQTT_AUTH));
    }

    /** The same servers with an anonymous mosquitto. */
    public LocalInfrastructureConfig withoutMqttAuth() {
      return new LocalInfrastructureConfig(
          dataDir, kafkaPort, mqttPort, influxPort, influxDatabase, readingPartitions, false);
    }
  }
}
