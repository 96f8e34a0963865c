package io.voltstream.model;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/** Encodes the key of a Kafka record of a {@link Topic} and decodes it back. */
public interface KeyCodec<K> extends Serializable {
  byte[] encode(K key);

  K decode(byte[] bytes);

  /** UTF-8 text keys (every Voltstream topic so far); null stays null. */
  static KeyCodec<String> utf8() {
    return Utf8.INSTANCE;
  }

  /** The UTF-8 codec (an enum: one serialisable instance). */
  enum Utf8 implements KeyCodec<String> {
    INSTANCE;

    @Override
    public byte[] encode(String key) {
      return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decode(byte[] bytes) {
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
