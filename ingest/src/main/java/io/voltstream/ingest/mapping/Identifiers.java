package io.voltstream.ingest.mapping;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules for names that end up in MQTT topics, Kafka keys, InfluxDB tags and URLs: sensor ids and
 * room names are URL-safe ({@code [A-Za-z0-9._-]}, 1 to 64 characters).
 */
public final class Identifiers {
  private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final String TOPIC_PREFIX = "sensors/";
  private static final String TOPIC_SUFFIX = "/readings";

  private Identifiers() {}

  public static boolean isUrlSafe(String name) {
    return name != null && URL_SAFE.matcher(name).matches();
  }

  /** The sensor id of a readings topic {@code sensors/{id}/readings}, or empty for any other topic. */
  public static Optional<String> sensorIdOfTopic(String mqttTopic) {
    if (mqttTopic == null || !mqttTopic.startsWith(TOPIC_PREFIX) || !mqttTopic.endsWith(TOPIC_SUFFIX)) {
      return Optional.empty();
    }
    int end = mqttTopic.length() - TOPIC_SUFFIX.length();
    if (end < TOPIC_PREFIX.length()) {
      return Optional.empty();
    }
    String segment = mqttTopic.substring(TOPIC_PREFIX.length(), end);
    return isUrlSafe(segment) ? Optional.of(segment) : Optional.empty();
  }
}
