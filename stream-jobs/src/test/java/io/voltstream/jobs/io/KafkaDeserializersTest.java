package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class KafkaDeserializersTest {

  private static ConsumerRecord<byte[], byte[]> record(String key, String value) {
    return new ConsumerRecord<>(
        "t",
        0,
        0L,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  private static final class ListCollector<T> implements Collector<T> {
    final List<T> items = new ArrayList<>();

    @Override
    public void collect(T record) {
      items.add(record);
    }

    @Override
    public void close() {}
  }

  private static TopicDeserializer<SensorReading> readings() {
    return new TopicDeserializer<>(
        Topics.READINGS, SensorReading.class, "readingsDeserializationFailures");
  }

  @Test
  void shouldReadSnakeCaseReadingJson() throws Exception {
    var out = new ListCollector<SensorReading>();
    readings()
        .deserialize(
            record(
                "s1",
                "{\"sensor_id\":\"s1\",\"timestamp\":\"2026-11-27T00:00:00Z\","
                    + "\"room\":\"kitchen\",\"sensor_type\":\"multi\",\"power_w\":750.0}"),
            out);

    assertThat(out.items)
        .containsExactly(
            new SensorReading(
                "s1",
                Instant.parse("2026-11-27T00:00:00Z"),
                "kitchen",
                SensorType.MULTI,
                null,
                750.0,
                null,
                null,
                null,
                null,
                null,
                null));
  }

  @Test
  void shouldSkipRecordsThatAreNotReadingsWithoutThrowing() throws Exception {
    var out = new ListCollector<SensorReading>();
    TopicDeserializer<SensorReading> d = readings();

    d.deserialize(record("s1", "not json"), out);
    d.deserialize(
        record("s1", "{\"timestamp\":\"2026-11-27T00:00:00Z\",\"sensor_type\":\"multi\"}"), out);
    d.deserialize(
        record(
            "s1",
            "{\"sensor_id\":\"s1\",\"timestamp\":\"2026-11-27T00:00:00Z\",\"sensor_type\":\"toaster\"}"),
        out);
    d.deserialize(record("s1", "null"), out);
    d.deserialize(record("s1", null), out);

    assertThat(out.items).isEmpty();
  }

  @Test
  void shouldDecodeRegistryKeysAndKeepTombstones() {
    var out = new ListCollector<RegistryChange>();
    RegistryChangeDeserializer d = new RegistryChangeDeserializer();

    d.deserialize(record("room:kitchen", "{\"name\":\"kitchen\",\"building\":\"demo\"}"), out);
    d.deserialize(record("sensor:s1", null), out);
    d.deserialize(record("gadget:x", "{}"), out);
    d.deserialize(record(null, "{}"), out);

    assertThat(out.items).hasSize(2);
    assertThat(out.items.get(0).key()).isEqualTo(RegistryKey.room("kitchen"));
    assertThat(out.items.get(0).value(Room.class)).contains(new Room("kitchen", "demo", null));
    assertThat(out.items.get(1).key()).isEqualTo(RegistryKey.sensor("s1"));
    assertThat(out.items.get(1).isTombstone()).isTrue();
    assertThat(out.items.get(1).value(Room.class)).isEmpty();
  }
}
