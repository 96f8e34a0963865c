package io.voltstream.jobs.roommetrics;

import io.voltstream.model.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded, parallel Source V2 over fixed elements, for injecting into jobs in MiniCluster tests.
 * Elements travel as JSON (Json.MAPPER) so each parallel reader can produce any index on its own.
 */
public final class FiniteSource {

  private FiniteSource() {}

  public static <T> DataGeneratorSource<T> of(TypeInformation<T> type, List<T> elements) {
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("give at least one element");
    }
    List<String> json = new ArrayList<>();
    for (T e : elements) {
      try {
        json.add(Json.MAPPER.writeValueAsString(e));
      } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    Class<T> clazz = type.getTypeClass();
    GeneratorFunction<Long, T> fn = index -> Json.MAPPER.readValue(json.get(index.intValue()), clazz);
    return new DataGeneratorSource<>(fn, elements.size(), type);
  }
}
