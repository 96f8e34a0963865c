package io.voltstream.jobs.roommetrics;

import static io.voltstream.jobs.roommetrics.RoomJobItSupport.awaitRoomWindow;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.rowAt;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.sendRegistry;
import static io.voltstream.jobs.roommetrics.RoomTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.voltstream.config.CommonOptions;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestOptions;
import io.voltstream.ingest.app.IngestApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole spine on real components: known readings published over MQTT (QoS 1) to a real
 * mosquitto → the real ingest ({@link IngestApp}) → Kafka → the room-aggregation job on a
 * MiniCluster → a real influxd. Asserts the exact per-room 1-minute aggregates (after ingest's unit
 * normalisation) and that the registry's room beats the payload's.
 */
class MqttToRoomMetricsITCase {

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

  private JobClient job;
  private IngestApp ingest;
  private Mqtt5BlockingClient publisher;

  @AfterEach
  void tearDown() throws Exception {
    if (publisher != null) {
      publisher.disconnect();
    }
    if (ingest != null) {
      ingest.close();
    }
    RoomJobItSupport.cancel(job);
  }

  @Test
  void shouldTurnMqttReadingsIntoExactRoomMetricsInInflux() throws Exception {
    KAFKA.createStandardTopics(RoomJobItSupport.READING_PARTITIONS);
    String db = INFLUX.freshDatabase();
    Map<String, String> env = new HashMap<>();
    env.put(CommonOptions.MQTT_URL.name(), MQTT.serverUri());
    env.put(CommonOptions.KAFKA_BOOTSTRAP.name(), KAFKA.bootstrapServers());
    env.put(IngestOptions.CLIENT_ID.name(), "room-it-ingest");
    env.put(IngestOptions.METRICS_LOG_INTERVAL.name(), "0");
    ingest = IngestApp.start(IngestConfig.fromEnv(env));
    assertThat(ingest.awaitSubscribed(Duration.ofSeconds(30))).as("ingest subscribed").isTrue();
    publisher =
        Mqtt5Client.builder()
            .identifier("room-it-publisher")
            .serverHost(MQTT.host())
            .serverPort(MQTT.port())
            .buildBlocking();
    publisher.connect();

    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      sendRegistry(
          producer,
          "sensor:kitchen-meter",
          "{\"sensor_id\":\"kitchen-meter\",\"room\":\"kitchen\",\"sensor_type\":\"multi\"}");
      sendRegistry(producer, "room:kitchen", "{\"name\":\"kitchen\",\"building\":\"demo\"}");
    }
    job = RoomJobItSupport.startJob(RoomJobItSupport.config(KAFKA, INFLUX, db));

    // Warm-up window through the whole path: once it is in InfluxDB, the registry is in broadcast
    // state.
    Instant warmup = T0.minusSeconds(180);
    publish("warm", warmup.plusSeconds(1), "warmup", "\"energy\":{\"value\":1,\"unit\":\"Wh\"}");
    awaitRoomWindow(INFLUX, db, "warmup", warmup, new MqttTicker(T0.minusSeconds(110)));

    // The device claims "garage"; the registry puts it in kitchen (building demo). Units are
    // normalised by ingest.
    publish(
        "kitchen-meter",
        T0.plusSeconds(5),
        "garage",
        "\"energy\":{\"value\":125,\"unit\":\"Wh\"},\"power\":{\"value\":0.5,\"unit\":\"kW\"},"
            + "\"co2\":{\"value\":800,\"unit\":\"ppm\"},\"temperature\":{\"value\":69.8,\"unit\":\"F\"}");
    publish(
        "kitchen-meter",
        T0.plusSeconds(35),
        "garage",
        "\"energy\":{\"value\":0.25,\"unit\":\"kWh\"},\"power\":{\"value\":1500,\"unit\":\"W\"},"
            + "\"co2\":{\"value\":900,\"unit\":\"ppm\"},\"temperature\":{\"value\":22,\"unit\":\"C\"}");
    publish(
        "roof-pv", T0.plusSeconds(20), "roof", "\"generation\":{\"value\":62.5,\"unit\":\"Wh\"}");

    Map<String, JsonNode> kitchen =
        rowAt(awaitRoomWindow(INFLUX, db, "kitchen", T0, new MqttTicker(T0.plusSeconds(70))), T0);
    assertThat(kitchen.get("building").asText()).isEqualTo("demo");
    assertThat(kitchen.get("energy_kwh").asDouble()).isEqualTo(0.375);
    assertThat(kitchen.get("power_avg_w").asDouble()).isEqualTo(1000.0);
    assertThat(kitchen.get("power_max_w").asDouble()).isEqualTo(1500.0);
    assertThat(kitchen.get("co2_avg_ppm").asDouble()).isEqualTo(850.0);
    assertThat(kitchen.get("temperature_avg_c").asDouble())
        .isCloseTo(21.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(kitchen.get("sample_count").asLong()).isEqualTo(2);

    Map<String, JsonNode> roof = rowAt(awaitRoomWindow(INFLUX, db, "roof", T0), T0);
    assertThat(roof.get("generation_kwh").asDouble()).isEqualTo(0.0625);
    assertThat(roof.get("building").asText()).isEqualTo("default");
    assertThat(
            RoomJobItSupport.rows(
                INFLUX.query(db, "SELECT * FROM room_metrics WHERE room = 'garage'")))
        .isEmpty();
  }

  private void publish(String sensorId, Instant ts, String room, String metrics) {
    String json =
        "{\"sensor_id\":\""
            + sensorId
            + "\",\"timestamp\":"
            + ts.toEpochMilli()
            + ",\"room\":\""
            + room
            + "\",\"sensor_type\":\"multi\","
            + metrics
            + "}";
    publisher
        .publishWith()
        .topic("sensors/" + sensorId + "/readings")
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(json.getBytes(StandardCharsets.UTF_8))
        .send();
  }

  /**
   * A clock sensor over MQTT, one second later per call (other partitions go idle and stop holding
   * the watermark).
   */
  private final class MqttTicker implements Runnable {
    private Instant next;

    MqttTicker(Instant first) {
      this.next = first;
    }

    @Override
    public void run() {
      publish("tick", next, RoomJobItSupport.TICK_ROOM, "\"energy\":{\"value\":0,\"unit\":\"Wh\"}");
      next = next.plusSeconds(1);
    }
  }
}
