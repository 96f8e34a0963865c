package io.voltstream.jobs.roommetrics;

import static io.voltstream.jobs.roommetrics.RoomJobItSupport.TIMEOUT;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.awaitRoomWindow;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.rowAt;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.send;
import static io.voltstream.jobs.roommetrics.RoomTestData.T0;
import static io.voltstream.jobs.roommetrics.RoomTestData.meter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Out-of-order readings within the bound are aggregated; a reading for a window that already fired
 * (observed in InfluxDB first, so the order is certain) lands in {@code readings.late} and leaves
 * the stored aggregate unchanged.
 */
class RoomAggregationLateDataITCase {

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
  void shouldAggregateOutOfOrderReadingsWithinTheBoundAndDivertLateOnes() throws Exception {
    KAFKA.createStandardTopics(RoomJobItSupport.READING_PARTITIONS);
    String db = INFLUX.freshDatabase();
    SensorReading late = meter("m1", "kitchen", T0.plusSeconds(30), 0.5, 999);
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      job = RoomJobItSupport.startJob(RoomJobItSupport.config(KAFKA, INFLUX, db));

      // Same sensor, same partition: 58 s, then 55 s and 56 s (3 s and 2 s behind, bound 5 s), then
      // the next minute's reading at 62 s, still within the bound of the 58 s one.
      send(producer, meter("m1", "kitchen", T0.plusSeconds(58), 0.125, 100));
      send(producer, meter("m1", "kitchen", T0.plusSeconds(55), 0.25, 300));
      send(producer, meter("m1", "kitchen", T0.plusSeconds(62), 0.5, 700));
      send(producer, meter("m1", "kitchen", T0.plusSeconds(56), 0.125, 200));
      var ticker = new RoomJobItSupport.Ticker(producer, T0.plusSeconds(130));
      ticker.run();

      Map<String, JsonNode> first = rowAt(awaitRoomWindow(INFLUX, db, "kitchen", T0, ticker), T0);
      assertThat(first.get("energy_kwh").asDouble()).isEqualTo(0.5);
      assertThat(first.get("power_avg_w").asDouble()).isEqualTo(200.0);
      assertThat(first.get("power_max_w").asDouble()).isEqualTo(300.0);
      assertThat(first.get("sample_count").asLong()).isEqualTo(3);
      Map<String, JsonNode> second =
          rowAt(
              awaitRoomWindow(INFLUX, db, "kitchen", T0.plusSeconds(60), ticker),
              T0.plusSeconds(60));
      assertThat(second.get("sample_count").asLong()).isEqualTo(1);

      send(producer, late);

      List<ConsumerRecord<String, String>> lateRecords =
          KAFKA.consume(Topics.READINGS_LATE.name(), 1, TIMEOUT);
      assertThat(lateRecords)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.key()).isEqualTo("m1");
                assertThat(Json.MAPPER.readValue(r.value(), SensorReading.class)).isEqualTo(late);
              });
      Map<String, JsonNode> unchanged = rowAt(awaitRoomWindow(INFLUX, db, "kitchen", T0), T0);
      assertThat(unchanged.get("sample_count").asLong()).isEqualTo(3);

      // After that pause the readings went idle; a reading ahead of the watermark must still be on
      // time
      // (it was late when the registry stream's watermark could take over, see RegistryWatermarks).
      send(producer, meter("m1", "kitchen", T0.plusSeconds(610), 0.25, 100));
      Map<String, JsonNode> after =
          rowAt(
              awaitRoomWindow(
                  INFLUX,
                  db,
                  "kitchen",
                  T0.plusSeconds(600),
                  new RoomJobItSupport.Ticker(producer, T0.plusSeconds(670))),
              T0.plusSeconds(600));
      assertThat(after.get("sample_count").asLong()).isEqualTo(1);
      assertThat(KAFKA.consume(Topics.READINGS_LATE.name(), 2, java.time.Duration.ofSeconds(2)))
          .hasSize(1);
    }
  }
}
