package io.voltstream.jobs.io;

import io.voltstream.model.Topic;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Kafka sinks writing records to a {@link Topic} with its declared codecs, keyed by a key
 * extractor.
 */
public final class KafkaSinks {
  private KafkaSinks() {}

  /** At-least-once sink to {@code topic}. */
  public static <T> KafkaSink<T> to(
      JobsConfig cfg, Topic<String, T> topic, SerializableFunction<T, String> keyExtractor) {
    return to(cfg, topic, keyExtractor, DeliveryGuarantee.AT_LEAST_ONCE, null);
  }

  /**
   * At-least-once sink of elements that become {@code topic}'s values through {@code toValue}: for
   * stream types that differ from the topic's value type (e.g. one Flink cannot serialise as a
   * POJO).
   */
  public static <E, T> KafkaSink<E> mapped(
      JobsConfig cfg,
      Topic<String, T> topic,
      SerializableFunction<E, T> toValue,
      SerializableFunction<T, String> keyExtractor) {
    return KafkaSink.<E>builder()
        .setBootstrapServers(cfg.kafkaBootstrap())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setRecordSerializer(new TopicRecordSerializer<E, T>(topic, toValue, keyExtractor))
        .setProperty("enable.idempotence", "true")
        .setProperty("acks", "all")
        .setProperty("linger.ms", "20")
        .build();
  }

  /**
   * A sink with an explicit guarantee; {@code EXACTLY_ONCE} needs a {@code transactionalIdPrefix}
   * unique per job and checkpointing.
   */
  public static <T> KafkaSink<T> to(
      JobsConfig cfg,
      Topic<String, T> topic,
      SerializableFunction<T, String> keyExtractor,
      DeliveryGuarantee guarantee,
      String transactionalIdPrefix) {
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE
        && (transactionalIdPrefix == null || transactionalIdPrefix.isBlank())) {
      throw new IllegalArgumentException(
          "KafkaSinks: EXACTLY_ONCE to '" + topic.name() + "' needs a transactionalIdPrefix");
    }
    var builder =
        KafkaSink.<T>builder()
            .setBootstrapServers(cfg.kafkaBootstrap())
            .setDeliveryGuarantee(guarantee)
            .setRecordSerializer(TopicRecordSerializer.identity(topic, keyExtractor))
            .setProperty("enable.idempotence", "true")
            .setProperty("acks", "all")
            .setProperty("linger.ms", "20");
    if (transactionalIdPrefix != null && !transactionalIdPrefix.isBlank()) {
      builder.setTransactionalIdPrefix(transactionalIdPrefix);
    }
    return builder.build();
  }

  /**
   * Encodes key and value with the topic's codecs; the Kafka timestamp is the element's Flink
   * timestamp.
   */
  static final class TopicRecordSerializer<E, T> implements KafkaRecordSerializationSchema<E> {
    private final Topic<String, T> topic;
    private final SerializableFunction<E, T> toValue;
    private final SerializableFunction<T, String> keyExtractor;

    /** Elements that are the topic's values already. */
    static <T> TopicRecordSerializer<T, T> identity(
        Topic<String, T> topic, SerializableFunction<T, String> keyExtractor) {
      return new TopicRecordSerializer<>(topic, t -> t, keyExtractor);
    }

    TopicRecordSerializer(
        Topic<String, T> topic,
        SerializableFunction<E, T> toValue,
        SerializableFunction<T, String> keyExtractor) {
      this.topic = topic;
      this.toValue = toValue;
      this.keyExtractor = keyExtractor;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
        E element, KafkaSinkContext context, Long timestamp) {
      T value = toValue.apply(element);
      return new ProducerRecord<>(
          topic.name(),
          null,
          timestamp,
          topic.encodeKey(keyExtractor.apply(value)),
          topic.encodeValue(value));
    }
  }
}
