package io.voltstream.jobs.io;

import io.voltstream.model.Topic;
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
 * The Flink adapter of a {@link Topic}'s codecs: decodes each record's value with the topic's
 * declaration. A record that does not decode (or has no value) is skipped and counted in the
 * counter named {@code failureMetric} (ingest validated readings, so this only happens with foreign
 * writers): one bad record must not stop the job.
 */
public final class TopicDeserializer<V> implements KafkaRecordDeserializationSchema<V> {
  private static final Logger LOG = LoggerFactory.getLogger(TopicDeserializer.class);
  private final Topic<String, V> topic;
  private final Class<V> type;
  private final String failureMetric;
  private transient Counter failures;

  /**
   * @param type the value class, for Flink's type information
   * @param failureMetric name of the counter of skipped records, e.g. {@code
   *     readingsDeserializationFailures}
   */
  public TopicDeserializer(Topic<String, V> topic, Class<V> type, String failureMetric) {
    this.topic = topic;
    this.type = type;
    this.failureMetric = failureMetric;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    failures = context.getMetricGroup().counter(failureMetric);
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<V> out) {
    if (record.value() == null) {
      skip(record, "null value");
      return;
    }
    V value;
    try {
      value = topic.decodeValue(topic.decodeKey(record.key()), record.value());
    } catch (IOException | RuntimeException e) {
      skip(record, e.getMessage());
      return;
    }
    out.collect(value);
  }

  private void skip(ConsumerRecord<byte[], byte[]> record, String why) {
    long n = 1;
    if (failures != null) {
      failures.inc();
      n = failures.getCount();
    }
    if (Long.bitCount(n) == 1) {
      LOG.warn(
          "Skipping undecodable {} record #{} at {}-{}@{}: {}",
          type.getSimpleName(),
          n,
          record.topic(),
          record.partition(),
          record.offset(),
          why);
    }
  }

  @Override
  public TypeInformation<V> getProducedType() {
    return TypeInformation.of(type);
  }
}
