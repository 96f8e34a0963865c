package io.voltstream.jobs.roommetrics;

import io.voltstream.model.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded, parallel Source V2 over fixed elements, for injecting into jobs in MiniCluster tests.
 * Elements travel as JSON (Json.MAPPER) so each parallel reader can produce any index on its own.
 */
public final class FiniteSource {

  private FiniteSource() {}

  public static <T> DataGeneratorSource<T> of(TypeInformation<T> type, List<T> elements) {
    return of(type, elements, RateLimiterStrategy.noOp());
  }

  /**
   * Emits at most {@code perSecond} elements a second (per parallel instance), e.g. to let a
   * broadcast go first.
   */
  public static <T> DataGeneratorSource<T> throttled(
      TypeInformation<T> type, List<T> elements, double perSecond) {
    return of(type, elements, RateLimiterStrategy.perSecond(perSecond));
  }

  private static <T> DataGeneratorSource<T> of(
      TypeInformation<T> type, List<T> elements, RateLimiterStrategy limiter) {
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
    GeneratorFunction<Long, T> fn =
        index -> Json.MAPPER.readValue(json.get(index.intValue()), clazz);
    return new DataGeneratorSource<>(fn, elements.size(), limiter, type);
  }
}
