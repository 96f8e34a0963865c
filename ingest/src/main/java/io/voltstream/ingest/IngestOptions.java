package io.voltstream.ingest;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import io.voltstream.model.Topics;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Every setting of an ingest instance, declared once: name, type, default, unit and meaning. */
public final class IngestOptions {
  private static final String NAME = "[A-Za-z0-9._-]{1,64}";
  private static final String TOPIC = "[A-Za-z0-9._-]{1,249}";

  /** MQTT 5 encodes the session expiry interval as a four-byte integer of seconds. */
  static final long MAX_SESSION_EXPIRY_S = 4_294_967_295L;

  public static final Option<String> CLIENT_ID =
      Option.of(
          "VOLTSTREAM_INGEST_CLIENT_ID",
          ValueType.matching(NAME, "1-64 characters from [A-Za-z0-9._-]"),
          null,
          "MQTT client id, the key of the persistent session: stable across restarts, distinct per"
              + " instance; unset = voltstream-ingest-<HOSTNAME>");
  public static final Option<String> GROUP =
      Option.of(
          "VOLTSTREAM_INGEST_GROUP",
          ValueType.matching(NAME, "1-64 characters from [A-Za-z0-9._-]"),
          "voltstream-ingest",
          "Shared-subscription group: instances of one group split the readings");
  public static final Option<Boolean> SHARED_SUBSCRIPTION =
      Option.of(
          "VOLTSTREAM_INGEST_SHARED_SUBSCRIPTION",
          ValueType.bool(),
          "true",
          "Subscribe to $share/<group>/sensors/+/readings; false = sensors/+/readings (one"
              + " instance)");
  public static final Option<String> TOPIC_READINGS =
      Option.of(
          "VOLTSTREAM_TOPIC_READINGS",
          ValueType.matching(TOPIC, "a Kafka topic name from [A-Za-z0-9._-]"),
          Topics.READINGS.name(),
          "Kafka topic for valid readings");
  public static final Option<String> TOPIC_READINGS_DLQ =
      Option.of(
          "VOLTSTREAM_TOPIC_READINGS_DLQ",
          ValueType.matching(TOPIC, "a Kafka topic name from [A-Za-z0-9._-]"),
          Topics.READINGS_DLQ.name(),
          "Kafka topic for rejected payloads");
  public static final Option<Boolean> COMMAND_BRIDGE =
      Option.of(
          "VOLTSTREAM_INGEST_COMMAND_BRIDGE",
          ValueType.bool(),
          "true",
          "Run the command bridge: Kafka commands → MQTT batteries/{id}/commands and"
              + " devices/{id}/instructions (QoS 1)");
  public static final Option<String> COMMAND_BRIDGE_GROUP =
      Option.of(
          "VOLTSTREAM_INGEST_COMMAND_BRIDGE_GROUP",
          ValueType.matching(NAME, "1-64 characters from [A-Za-z0-9._-]"),
          "voltstream-command-bridge",
          "Kafka consumer group of the command bridge (offsets committed after the broker's"
              + " PUBACK)");
  public static final Option<Integer> MAX_IN_FLIGHT =
      Option.of(
              "VOLTSTREAM_INGEST_MAX_IN_FLIGHT",
              ValueType.integer(1, 65535),
              "1000",
              "MQTT receive maximum: delivered, unacknowledged messages (backpressure)")
          .withUnit("messages");
  public static final Option<Integer> MQTT_SESSIONS =
      Option.of(
              "VOLTSTREAM_INGEST_MQTT_SESSIONS",
              ValueType.integer(1, 16),
              "1",
              "MQTT sessions this instance opens in its shared-subscription group (client ids"
                  + " <client id>, <client id>-s2, …); each holds 1/N of the backlog. >1 needs the"
                  + " shared subscription")
          .withUnit("sessions");
  public static final Option<Duration> SESSION_EXPIRY =
      Option.of(
              "VOLTSTREAM_INGEST_SESSION_EXPIRY",
              ValueType.duration(Duration.ZERO, Duration.ofSeconds(MAX_SESSION_EXPIRY_S)),
              "7d",
              "How long the broker keeps the session (and queues readings) while the instance is"
                  + " away")
          .replaces("VOLTSTREAM_INGEST_SESSION_EXPIRY_S", ChronoUnit.SECONDS);
  public static final Option<Duration> KAFKA_LINGER =
      Option.of(
              "VOLTSTREAM_INGEST_KAFKA_LINGER",
              ValueType.duration(),
              "5ms",
              "Kafka producer linger")
          .replaces("VOLTSTREAM_INGEST_KAFKA_LINGER_MS", ChronoUnit.MILLIS);
  public static final Option<String> KAFKA_COMPRESSION =
      Option.of(
          "VOLTSTREAM_INGEST_KAFKA_COMPRESSION",
          ValueType.choice("none", "gzip", "snappy", "lz4", "zstd"),
          "lz4",
          "Kafka producer compression");
  public static final Option<Duration> KAFKA_DELIVERY_TIMEOUT =
      Option.of(
              "VOLTSTREAM_INGEST_KAFKA_DELIVERY_TIMEOUT",
              ValueType.duration(Duration.ofSeconds(1), null),
              "2m",
              "How long the producer retries one record before the message goes back to the broker"
                  + " for redelivery")
          .replaces("VOLTSTREAM_INGEST_KAFKA_DELIVERY_TIMEOUT_MS", ChronoUnit.MILLIS);
  public static final Option<Duration> METRICS_LOG_INTERVAL =
      Option.of(
              "VOLTSTREAM_INGEST_METRICS_LOG_INTERVAL",
              ValueType.duration(),
              "30s",
              "How often ingest logs its counters; 0 = never")
          .replaces("VOLTSTREAM_INGEST_METRICS_LOG_INTERVAL_S", ChronoUnit.SECONDS);

  private IngestOptions() {}

  /** Every setting ingest reads, shared ones included. */
  public static List<Option<?>> all() {
    return List.of(
        CommonOptions.MQTT_URL,
        CommonOptions.MQTT_USERNAME,
        CommonOptions.MQTT_PASSWORD,
        CommonOptions.KAFKA_BOOTSTRAP,
        CLIENT_ID,
        GROUP,
        SHARED_SUBSCRIPTION,
        TOPIC_READINGS,
        TOPIC_READINGS_DLQ,
        COMMAND_BRIDGE,
        COMMAND_BRIDGE_GROUP,
        MAX_IN_FLIGHT,
        MQTT_SESSIONS,
        SESSION_EXPIRY,
        KAFKA_LINGER,
        KAFKA_COMPRESSION,
        KAFKA_DELIVERY_TIMEOUT,
        METRICS_LOG_INTERVAL);
  }
}
