package io.voltstream.model;

import java.time.Instant;

/**
 * A rejected MQTT payload on Kafka {@code readings.dlq}: the raw payload (UTF-8 text, or Base64
 * when it was not valid UTF-8, see {@code payloadEncoding}), the MQTT topic it came from, the
 * reason, the offending field when one can be named, and the index inside a batch array (null for
 * single objects).
 */
public record DeadLetter(
    String mqttTopic,
    String payload,
    String payloadEncoding,
    String reason,
    String field,
    Integer batchIndex,
    Instant receivedAt) {}
