package io.voltstream.jobs.io;

import io.voltstream.model.RegistryKey;
import io.voltstream.model.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted {@code registry} topic into {@link RegistryChange}s: the key decoded with
 * {@link RegistryKey#decode}, the value kept as JSON text, a null value passed on as a tombstone.
 * Keys of unknown kinds are skipped and counted in {@code registryUnknownKeys}.
 */
public final class RegistryChangeDeserializer
    implements KafkaRecordDeserializationSchema<RegistryChange> {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryChangeDeserializer.class);
  private transient Counter unknownKeys;

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    unknownKeys = context.getMetricGroup().counter("registryUnknownKeys");
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RegistryChange> out) {
    String key = Topics.REGISTRY.decodeKey(record.key());
    Optional<RegistryKey> decoded = RegistryKey.decode(key);
    if (decoded.isEmpty()) {
      if (unknownKeys != null) {
        unknownKeys.inc();
      }
      LOG.debug("Skipping registry record with key '{}' at offset {}", key, record.offset());
      return;
    }
    String json =
        record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    out.collect(new RegistryChange(decoded.get(), json));
  }

  @Override
  public TypeInformation<RegistryChange> getProducedType() {
    return TypeInformation.of(RegistryChange.class);
  }
}
