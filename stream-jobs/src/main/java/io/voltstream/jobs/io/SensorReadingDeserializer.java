package io.voltstream.jobs.io;

import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import java.io.IOException;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link SensorReading} JSON from Kafka {@code readings}. A record that is not a valid reading
 * is skipped and counted in {@code readingsDeserializationFailures} (ingest validated it, so this
 * only happens with foreign writers): one bad record must not stop the job.
 */
public final class SensorReadingDeserializer implements KafkaRecordDeserializationSchema<SensorReading> {
  private static final Logger LOG = LoggerFactory.getLogger(SensorReadingDeserializer.class);
  private transient Counter failures;

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    failures = context.getMetricGroup().counter("readingsDeserializationFailures");
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SensorReading> out) throws IOException {
    if (record.value() == null) {
      skip(record, "null value");
      return;
    }
    SensorReading reading;
    try {
      reading = Json.MAPPER.readValue(record.value(), SensorReading.class);
    } catch (IOException | RuntimeException e) {
      skip(record, e.getMessage());
      return;
    }
    if (reading == null) {
      skip(record, "JSON null");
      return;
    }
    out.collect(reading);
  }

  private void skip(ConsumerRecord<byte[], byte[]> record, String why) {
    long n = 1;
    if (failures != null) {
      failures.inc();
      n = failures.getCount();
    }
    if (Long.bitCount(n) == 1) {
      LOG.warn("Skipping undeserialisable record #{} at {}-{}@{}: {}", n, record.topic(), record.partition(),
          record.offset(), why);
    }
  }

  @Override
  public TypeInformation<SensorReading> getProducedType() {
    return TypeInformation.of(SensorReading.class);
  }
}
