package io.voltstream.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping used on Kafka topics and in the API: snake_case names, ISO-8601 instants.
 * Thread-safe once configured; share {@link #MAPPER}.
 */
public final class Json {
  public static final ObjectMapper MAPPER = newMapper();

  private Json() {}

  public static ObjectMapper newMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // enums are written upper case; lower case (as the API and MQTT spell them) reads too
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
  }
}
