package io.voltstream.jobs.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import java.util.Optional;

/**
 * One record of the compacted {@code registry} topic: the decoded key and the entity's JSON ({@code
 * Building}, {@code Room} or {@code Sensor}), or {@code json == null} for a tombstone (the entity
 * was deleted). The JSON stays a string so that the record is POJO-serialised by Flink and a
 * malformed value is the consumer's decision, not a deserialisation failure.
 */
public record RegistryChange(RegistryKey key, String json) {

  public boolean isTombstone() {
    return json == null;
  }

  /** The value parsed as {@code type}; empty for a tombstone or JSON that does not fit. */
  public <T> Optional<T> value(Class<T> type) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Json.MAPPER.readValue(json, type));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
