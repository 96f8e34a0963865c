package io.voltstream.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Serializable;

/**
 * Encodes the value of a Kafka record of a {@link Topic} and decodes it back. Decoding gets the
 * record's key, so one topic can hold several types (the registry: the key's kind names the type).
 */
public interface ValueCodec<K, V> extends Serializable {
  byte[] encode(V value);

  /** The value, or throws {@link IOException} for a payload this reader cannot understand. */
  V decode(K key, byte[] bytes) throws IOException;

  /** JSON with the shared {@link Json#MAPPER} for a single value type. */
  static <K, V> ValueCodec<K, V> json(Class<V> type) {
    return new JsonCodec<>(type);
  }

  /** {@link ValueCodec#json} as a class, so Flink can serialise it with the job graph. */
  final class JsonCodec<K, V> implements ValueCodec<K, V> {
    private static final long serialVersionUID = 1L;
    private final Class<V> type;

    JsonCodec(Class<V> type) {
      this.type = type;
    }

    @Override
    public byte[] encode(V value) {
      try {
        return Json.MAPPER.writeValueAsBytes(value);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot encode " + type.getSimpleName(), e);
      }
    }

    @Override
    public V decode(K key, byte[] bytes) throws IOException {
      V v =
          type == JsonNode.class
              ? type.cast(Json.MAPPER.readTree(bytes))
              : Json.MAPPER.readValue(bytes, type);
      if (v == null || v instanceof JsonNode n && n.isNull()) {
        throw new IOException("JSON null is not a " + type.getSimpleName());
      }
      return v;
    }
  }
}
