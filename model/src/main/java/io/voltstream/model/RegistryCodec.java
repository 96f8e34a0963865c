package io.voltstream.model;

import java.io.IOException;

/**
 * JSON of the {@code registry} topic: the key's kind says value's type ({@link
 * RegistryKey.Kind#valueType()}).
 */
final class RegistryCodec implements ValueCodec<String, Object> {
  private static final long serialVersionUID = 1L;

  @Override
  public byte[] encode(Object value) {
    try {
      return Json.MAPPER.writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot encode registry value " + value.getClass().getSimpleName(), e);
    }
  }

  @Override
  public Object decode(String key, byte[] bytes) throws IOException {
    RegistryKey k =
        RegistryKey.decode(key)
            .orElseThrow(() -> new IOException("unknown registry key kind: " + key));
    return Json.MAPPER.readValue(bytes, k.kind().valueType());
  }
}
