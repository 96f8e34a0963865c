package io.voltstream.jobs.roommetrics;

import static io.voltstream.jobs.roommetrics.RoomJobItSupport.TIMEOUT;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.awaitRoomWindow;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.rowAt;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.send;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.sendRegistry;
import static io.voltstream.jobs.roommetrics.RoomTestData.T0;
import static io.voltstream.jobs.roommetrics.RoomTestData.climate;
import static io.voltstream.jobs.roommetrics.RoomTestData.meter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.Json;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Readings on a real Kafka broker → the room-aggregation job on a MiniCluster (real KafkaSource,
 * KafkaSink and InfluxSink) → a real influxd: exact per-room 1-minute aggregates, registry beats
 * payload.
 */
class RoomAggregationEndToEndITCase {

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
  void tearDown() throws Exception {
    RoomJobItSupport.cancel(job);
  }

  @Test
  void shouldWriteExactRoomAggregatesWithRegistryAssignmentToInfluxAndKafka() throws Exception {
    KAFKA.createStandardTopics(RoomJobItSupport.READING_PARTITIONS);
    String db = INFLUX.freshDatabase();
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      sendRegistry(
          producer,
          "sensor:m1",
          "{\"sensor_id\":\"m1\",\"room\":\"kitchen\",\"sensor_type\":\"energy\"}");
      sendRegistry(producer, "room:kitchen", "{\"name\":\"kitchen\",\"building\":\"hq\"}");
      job = RoomJobItSupport.startJob(RoomJobItSupport.config(KAFKA, INFLUX, db));

      // Warm-up window: once its aggregate is in InfluxDB, the job has been consuming for a while
      // and
      // the (tiny, read-from-earliest) registry is in broadcast state.
      Instant warmupWindow = T0.minusSeconds(180);
      send(producer, meter("warm", "warmup", warmupWindow.plusSeconds(1), 0.5, 1));
      awaitRoomWindow(
          INFLUX,
          db,
          "warmup",
          warmupWindow,
          new RoomJobItSupport.Ticker(producer, T0.minusSeconds(110)));

      send(producer, meter("m1", "garage", T0.plusSeconds(5), 0.125, 500));
      send(producer, meter("m2", "kitchen", T0.plusSeconds(30), 0.25, 1500));
      send(producer, climate("c1", "office", T0.plusSeconds(40), 800, 21, 40));
      send(producer, climate("c2", "office", T0.plusSeconds(50), 900, 23, 50));
      send(producer, meter("lost", null, T0.plusSeconds(20), 0.5, 20));
      awaitRoomWindow(
          INFLUX, db, "kitchen", T0, new RoomJobItSupport.Ticker(producer, T0.plusSeconds(70)));
    }

    // Every room's window first: InfluxDB's SELECT * only has a column for a field once a point
    // of the measurement carries it, and the office row (the only one with CO2) is written by
    // another sink subtask, possibly after the kitchen row.
    awaitRoomWindow(INFLUX, db, "office", T0);
    awaitRoomWindow(INFLUX, db, "unassigned", T0);
    Map<String, JsonNode> kitchen = rowAt(awaitRoomWindow(INFLUX, db, "kitchen", T0), T0);
    assertThat(kitchen.get("building").asText()).isEqualTo("hq");
    assertThat(kitchen.get("energy_kwh").asDouble()).isEqualTo(0.375);
    assertThat(kitchen.get("power_avg_w").asDouble()).isEqualTo(1000.0);
    assertThat(kitchen.get("power_max_w").asDouble()).isEqualTo(1500.0);
    // Priced at the default tariff (hq has none): 11:00 Brussels on a Monday, 0.31 €/kWh.
    assertThat(kitchen.get("cost_eur").asDouble()).isEqualTo(0.375 * 0.31);
    assertThat(kitchen.get("co2_avg_ppm").isNull()).isTrue();
    assertThat(kitchen.get("sample_count").asLong()).isEqualTo(2);

    Map<String, JsonNode> office = rowAt(awaitRoomWindow(INFLUX, db, "office", T0), T0);
    assertThat(office.get("building").asText()).isEqualTo("default");
    assertThat(office.get("co2_avg_ppm").asDouble()).isEqualTo(850.0);
    assertThat(office.get("temperature_avg_c").asDouble()).isEqualTo(22.0);
    assertThat(office.get("humidity_avg_percent").asDouble()).isEqualTo(45.0);
    assertThat(office.get("energy_kwh").isNull()).isTrue();
    assertThat(office.get("sample_count").asLong()).isEqualTo(2);

    Map<String, JsonNode> unassigned = rowAt(awaitRoomWindow(INFLUX, db, "unassigned", T0), T0);
    assertThat(unassigned.get("energy_kwh").asDouble()).isEqualTo(0.5);

    assertThat(
            RoomJobItSupport.rows(
                INFLUX.query(db, "SELECT * FROM room_metrics WHERE room = 'garage'")))
        .as("the registry room beats the payload room")
        .isEmpty();

    List<RoomMetrics> published =
        KAFKA.consume(Topics.ROOM_METRICS.name(), 5, TIMEOUT).stream()
            .filter(r -> "kitchen".equals(r.key()))
            .map(r -> read(r.value()))
            .toList();
    assertThat(published)
        .contains(
            new RoomMetrics(
                    "kitchen",
                    "hq",
                    T0,
                    T0.plusSeconds(60),
                    0.375,
                    1000.0,
                    1500.0,
                    null,
                    null,
                    null,
                    null,
                    2)
                .withCostEur(0.375 * 0.31));
  }

  private static RoomMetrics read(String json) {
    try {
      return Json.MAPPER.readValue(json, RoomMetrics.class);
    } catch (Exception e) {
      throw new AssertionError("not RoomMetrics JSON: " + json, e);
    }
  }
}
