package io.voltstream.api.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.voltstream.model.Json;
import java.io.IOException;

/** Encodes map values for the log and decodes them back (the key is passed so one topic can hold several types). */
public interface ValueCodec<V> {
  byte[] encode(V value);

  /** The value, or throws {@link IOException} for a payload this reader cannot understand. */
  V decode(String key, byte[] bytes) throws IOException;

  /** JSON with the shared {@link Json#MAPPER} for a single value type. */
  static <V> ValueCodec<V> json(Class<V> type) {
    return new ValueCodec<>() {
      @Override
      public byte[] encode(V value) {
        try {
          return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("cannot encode " + type.getSimpleName(), e);
        }
      }

      @Override
      public V decode(String key, byte[] bytes) throws IOException {
        return Json.MAPPER.readValue(bytes, type);
      }
    };
  }
}
