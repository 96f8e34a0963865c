package io.voltstream.ingest.mapping;

import io.voltstream.model.EntityId;
import java.util.Optional;

/**
 * The MQTT readings topic {@code sensors/{id}/readings}; the id follows the {@link EntityId} rule.
 */
public final class Identifiers {
  private static final String TOPIC_PREFIX = "sensors/";
  private static final String TOPIC_SUFFIX = "/readings";

  private Identifiers() {}

  /**
   * The sensor id of a readings topic {@code sensors/{id}/readings}, or empty for any other topic.
   */
  public static Optional<String> sensorIdOfTopic(String mqttTopic) {
    if (mqttTopic == null
        || !mqttTopic.startsWith(TOPIC_PREFIX)
        || !mqttTopic.endsWith(TOPIC_SUFFIX)) {
      return Optional.empty();
    }
    int end = mqttTopic.length() - TOPIC_SUFFIX.length();
    if (end < TOPIC_PREFIX.length()) {
      return Optional.empty();
    }
    String segment = mqttTopic.substring(TOPIC_PREFIX.length(), end);
    return EntityId.isValid(segment) ? Optional.of(segment) : Optional.empty();
  }
}
