package io.voltstream.jobs.alerts;

import io.voltstream.model.Json;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka values as {@link Json#MAPPER} JSON of {@code type}. A value that does not parse is skipped,
 * logged and counted ({@code deserializationFailures}) instead of failing the job.
 */
public class JsonDeserializer<T> implements KafkaRecordDeserializationSchema<T> {

  private static final Logger LOG = LoggerFactory.getLogger(JsonDeserializer.class);
  private final Class<T> type;
  private transient Counter failures;

  public JsonDeserializer(Class<T> type) {
    this.type = type;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    failures = context.getMetricGroup().counter("deserializationFailures");
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
    if (record.value() == null) {
      return;
    }
    T value;
    try {
      value = Json.MAPPER.readValue(record.value(), type);
    } catch (Exception e) {
      if (failures != null) {
        failures.inc();
      }
      LOG.warn("Skipping undecodable {} at {}-{}@{}: {}", type.getSimpleName(), record.topic(), record.partition(),
          record.offset(), e.getMessage());
      return;
    }
    out.collect(value);
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return TypeInformation.of(type);
  }
}
