package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.model.Json;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KafkaSinksTest {
  private static final JobsConfig CFG = JobsConfig.fromEnv(Map.of());

  @Test
  void shouldWriteSnakeCaseJsonKeyedByTheExtractedKey() throws Exception {
    RoomMetrics m =
        new RoomMetrics(
            "kitchen",
            "demo",
            Instant.parse("2026-11-27T00:00:00Z"),
            Instant.parse("2026-11-27T00:01:00Z"),
            0.5,
            null,
            null,
            null,
            null,
            null,
            null,
            4);
    var serializer =
        KafkaSinks.TopicRecordSerializer.identity(Topics.ROOM_METRICS, RoomMetrics::room);

    ProducerRecord<byte[], byte[]> record = serializer.serialize(m, null, 1_764_201_600_000L);

    assertThat(record.topic()).isEqualTo("room-metrics");
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("kitchen");
    assertThat(record.timestamp()).isEqualTo(1_764_201_600_000L);
    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .contains("\"window_start\":\"2026-11-27T00:00:00Z\"")
        .contains("\"sample_count\":4")
        .doesNotContain("power_avg_w");
    assertThat(Json.MAPPER.readValue(record.value(), RoomMetrics.class)).isEqualTo(m);
  }

  @Test
  void shouldRequireATransactionalIdPrefixForExactlyOnce() {
    assertThatThrownBy(
            () ->
                KafkaSinks.to(
                    CFG, Topics.EVENTS, SystemEvent::kind, DeliveryGuarantee.EXACTLY_ONCE, null))
        .hasMessage("KafkaSinks: EXACTLY_ONCE to 'events' needs a transactionalIdPrefix");
  }

  @Test
  void shouldBuildAnAtLeastOnceSinkByDefault() {
    assertThat(KafkaSinks.to(CFG, Topics.EVENTS, SystemEvent::kind)).isNotNull();
  }
}
