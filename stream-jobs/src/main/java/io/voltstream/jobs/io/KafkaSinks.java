package io.voltstream.jobs.io;

import io.voltstream.model.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Kafka sinks writing records as {@link Json#MAPPER} JSON, keyed by a key extractor (UTF-8). */
public final class KafkaSinks {
  private KafkaSinks() {}

  /** At-least-once JSON sink to {@code topic}. */
  public static <T> KafkaSink<T> json(JobsConfig cfg, String topic, SerializableFunction<T, String> keyExtractor) {
    return json(cfg, topic, keyExtractor, DeliveryGuarantee.AT_LEAST_ONCE, null);
  }

  /**
   * JSON sink with an explicit guarantee; {@code EXACTLY_ONCE} needs a {@code transactionalIdPrefix}
   * unique per job and checkpointing.
   */
  public static <T> KafkaSink<T> json(
      JobsConfig cfg,
      String topic,
      SerializableFunction<T, String> keyExtractor,
      DeliveryGuarantee guarantee,
      String transactionalIdPrefix) {
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && (transactionalIdPrefix == null || transactionalIdPrefix.isBlank())) {
      throw new IllegalArgumentException("KafkaSinks: EXACTLY_ONCE to '" + topic + "' needs a transactionalIdPrefix");
    }
    var builder = KafkaSink.<T>builder()
        .setBootstrapServers(cfg.kafkaBootstrap())
        .setDeliveryGuarantee(guarantee)
        .setRecordSerializer(new JsonRecordSerializer<>(topic, keyExtractor))
        .setProperty("enable.idempotence", "true")
        .setProperty("acks", "all")
        .setProperty("linger.ms", "20");
    if (transactionalIdPrefix != null && !transactionalIdPrefix.isBlank()) {
      builder.setTransactionalIdPrefix(transactionalIdPrefix);
    }
    return builder.build();
  }

  /** Serialises the value with {@link Json#MAPPER}; the Kafka timestamp is the element's Flink timestamp. */
  static final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private final String topic;
    private final SerializableFunction<T, String> keyExtractor;

    JsonRecordSerializer(String topic, SerializableFunction<T, String> keyExtractor) {
      this.topic = topic;
      this.keyExtractor = keyExtractor;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
      String key = keyExtractor.apply(element);
      byte[] value;
      try {
        value = Json.MAPPER.writeValueAsBytes(element);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("cannot serialise " + element.getClass().getSimpleName() + " to JSON", e);
      }
      return new ProducerRecord<>(topic, null, timestamp, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }
  }
}
