package io.voltstream.kafka;

import io.voltstream.model.Topic;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serializer}s and {@link Deserializer}s built from a {@link Topic} declaration, so a
 * producer or consumer never picks its own encoding. Values are decoded with their key (see {@link
 * Topic#decodeValue}), which a Kafka {@code Deserializer} does not get: consumers read the value as
 * bytes and call {@link Topic#decodeValue}.
 */
public final class TopicSerdes {
  private TopicSerdes() {}

  public static <K> Serializer<K> keySerializer(Topic<K, ?> topic) {
    return (name, key) -> topic.encodeKey(key);
  }

  public static <V> Serializer<V> valueSerializer(Topic<?, V> topic) {
    return (name, value) -> topic.encodeValue(value);
  }

  public static <K> Deserializer<K> keyDeserializer(Topic<K, ?> topic) {
    return (name, bytes) -> topic.decodeKey(bytes);
  }
}
