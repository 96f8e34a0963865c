package io.voltstream.jobs.roommetrics;

import static io.voltstream.jobs.roommetrics.RoomJobItSupport.awaitRoomWindow;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.rowAt;
import static io.voltstream.jobs.roommetrics.RoomJobItSupport.sendTo;
import static io.voltstream.jobs.roommetrics.RoomTestData.T0;
import static io.voltstream.jobs.roommetrics.RoomTestData.meter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code readings} has 4 partitions but only partition 0 gets data: without source idleness the
 * three empty partitions would hold the watermark at its minimum forever and no window would fire.
 */
class RoomAggregationIdlePartitionITCase {

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
  void shouldFireWindowsWhenOnlyOnePartitionHasData() throws Exception {
    KAFKA.createStandardTopics(RoomJobItSupport.READING_PARTITIONS);
    String db = INFLUX.freshDatabase();
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      job = RoomJobItSupport.startJob(RoomJobItSupport.config(KAFKA, INFLUX, db));
      sendTo(producer, 0, meter("m1", "kitchen", T0.plusSeconds(10), 0.25, 400));
      sendTo(producer, 0, meter("m2", "hall", T0.plusSeconds(20), 0.125, 100));
      sendTo(producer, 0, meter("m1", "kitchen", T0.plusSeconds(90), 0.5, 800));
      // Later data keeps arriving on partition 0 only; partitions 1-3 never see a record.
      awaitRoomWindow(
          INFLUX, db, "kitchen", T0, new RoomJobItSupport.Ticker(producer, T0.plusSeconds(91), 0));
    }

    Map<String, JsonNode> kitchen = rowAt(awaitRoomWindow(INFLUX, db, "kitchen", T0), T0);
    assertThat(kitchen.get("energy_kwh").asDouble()).isEqualTo(0.25);
    assertThat(kitchen.get("sample_count").asLong()).isEqualTo(1);
    Map<String, JsonNode> hall = rowAt(awaitRoomWindow(INFLUX, db, "hall", T0), T0);
    assertThat(hall.get("power_max_w").asDouble()).isEqualTo(100.0);
  }
}
