package io.voltstream.ingest.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.voltstream.config.CommonOptions;
import io.voltstream.infra.EmbeddedKafka;
import io.voltstream.infra.MosquittoBroker;
import io.voltstream.infra.TopicProvisioner;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestMetrics;
import io.voltstream.ingest.IngestOptions;
import io.voltstream.ingest.app.IngestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sustained MQTT → Kafka throughput of one in-process ingest instance against a real mosquitto and
 * an in-process KRaft Kafka (all on this box): publishes N 7-metric readings over QoS 1 as fast as
 * the broker acknowledges (window of 1000), {@code batch} readings per MQTT message, and reports
 * the rate at which ingest stored them. Not a test; run by hand with {@code [readings] [batch]}
 * (defaults 50,000 and 1), see the module README. Keep readings / batch below 65,535: mosquitto
 * 2.0.11 numbers queued messages with 16-bit packet ids at enqueue time, and a larger backlog for
 * one session collides (see README).
 */
public final class IngestThroughputProbe {
  private static final Logger LOG = LoggerFactory.getLogger(IngestThroughputProbe.class);

  private IngestThroughputProbe() {}

  private static String reading(String sensor, Instant timestamp) {
    return "{\"sensor_id\":\""
        + sensor
        + "\",\"timestamp\":"
        + timestamp.toEpochMilli()
        + ",\"room\":\"room-1\",\"sensor_type\":\"multi\""
        + ",\"energy\":{\"value\":0.125,\"unit\":\"kWh\"},\"power\":{\"value\":750,\"unit\":\"W\"}"
        + ",\"co2\":{\"value\":640,\"unit\":\"ppm\"},\"temperature\":{\"value\":21.4,\"unit\":\"C\"}"
        + ",\"humidity\":{\"value\":41.0,\"unit\":\"%\"},\"voltage\":{\"value\":230.1,\"unit\":\"V\"}"
        + ",\"generation\":{\"value\":0.05,\"unit\":\"kWh\"}}";
  }

  public static void main(String[] args) throws Exception {
    int readings = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Path dir = Files.createTempDirectory(Path.of("target"), "throughput-");
    try (MosquittoBroker mqtt = MosquittoBroker.start(dir.resolve("mosquitto"), 0);
        EmbeddedKafka kafka =
            EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).defaultPartitions(4).start()) {
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        TopicProvisioner.ensureTopics(
            admin,
            List.of(
                TopicProvisioner.plain("readings", 4), TopicProvisioner.plain("readings.dlq", 1)));
      }
      IngestConfig config =
          IngestConfig.fromEnv(
              Map.of(
                  CommonOptions.MQTT_URL.name(),
                  mqtt.serverUri(),
                  CommonOptions.KAFKA_BOOTSTRAP.name(),
                  kafka.bootstrapServers(),
                  IngestOptions.CLIENT_ID.name(),
                  "throughput-probe",
                  IngestOptions.METRICS_LOG_INTERVAL.name(),
                  "5s"));
      try (IngestApp ingest = IngestApp.start(config)) {
        if (!ingest.awaitSubscribed(Duration.ofSeconds(30))) {
          throw new IllegalStateException("ingest did not subscribe");
        }
        run(mqtt, ingest.metrics(), readings, batch);
      }
    }
  }

  private static void run(MosquittoBroker mqtt, IngestMetrics metrics, int readings, int batch)
      throws Exception {
    Mqtt5AsyncClient publisher =
        Mqtt5Client.builder()
            .identifier("throughput-publisher")
            .serverHost(mqtt.host())
            .serverPort(mqtt.port())
            .buildAsync();
    publisher.connect().get(10, TimeUnit.SECONDS);
    Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS);
    Semaphore window = new Semaphore(1000);
    long start = System.nanoTime();
    for (int i = 0; i < readings; i += batch) {
      String sensor = "probe-" + ((i / batch) % 200);
      StringBuilder payload = new StringBuilder(batch > 1 ? "[" : "");
      for (int j = i; j < Math.min(readings, i + batch); j++) {
        payload.append(j > i ? "," : "").append(reading(sensor, t0.plusMillis(j)));
      }
      payload.append(batch > 1 ? "]" : "");
      window.acquireUninterruptibly();
      publisher
          .publishWith()
          .topic("sensors/" + sensor + "/readings")
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload(payload.toString().getBytes(StandardCharsets.UTF_8))
          .send()
          .whenComplete((r, e) -> window.release());
    }
    window.acquireUninterruptibly(1000);
    double publishS = (System.nanoTime() - start) / 1e9;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (metrics.snapshot().readingsAccepted() < readings) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "not all readings stored within 5 minutes: " + metrics.snapshot().summary());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    double totalS = (System.nanoTime() - start) / 1e9;
    IngestMetrics.Snapshot snapshot = metrics.snapshot();
    LOG.info(
        "THROUGHPUT batch={} {} readings ({} data points): published in {} s, stored in Kafka after"
            + " {} s -> {} readings/s, {} data points/s",
        batch,
        readings,
        snapshot.dataPointsAccepted(),
        String.format("%.1f", publishS),
        String.format("%.1f", totalS),
        Math.round(readings / totalS),
        Math.round(snapshot.dataPointsAccepted() / totalS));
    publisher.disconnect().get(10, TimeUnit.SECONDS);
  }
}
