package io.voltstream.launcher.stack;

import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import io.voltstream.infra.TopicProvisioner;
import java.util.List;

/**
 * Settings of the local servers that {@code demo}, {@code infra} and {@code bench} start ({@link
 * LocalInfrastructure}).
 */
public final class StackOptions {
  public static final Option<Integer> KAFKA_PORT =
      Option.of(
          "VOLTSTREAM_KAFKA_PORT",
          ValueType.integer(0, 65535),
          "9092",
          "Port of the local in-process Kafka (demo, infra); 0 = any free port");
  public static final Option<Integer> MQTT_PORT =
      Option.of(
          "VOLTSTREAM_MQTT_PORT",
          ValueType.integer(0, 65535),
          "1883",
          "Port of the local mosquitto (demo, infra); 0 = any free port");
  public static final Option<Integer> INFLUX_PORT =
      Option.of(
          "VOLTSTREAM_INFLUX_PORT",
          ValueType.integer(0, 65535),
          "8086",
          "Port of the local influxd (demo, infra); 0 = any free port");
  public static final Option<Integer> READING_PARTITIONS =
      Option.of(
              "VOLTSTREAM_READING_PARTITIONS",
              ValueType.integer(1, 256),
              Integer.toString(TopicProvisioner.DEFAULT_READING_PARTITIONS),
              "Partitions of the readings topic the local Kafka gets")
          .withUnit("partitions");

  public static final Option<Boolean> MQTT_AUTH =
      Option.of(
          "VOLTSTREAM_MQTT_AUTH",
          ValueType.bool(),
          "true",
          "Local mosquitto (demo, infra) admits only accounts of its dynamic security plugin:"
              + " per-device logins issued by the API, service accounts for ingest; false ="
              + " anonymous (the benchmark always runs without)");

  private StackOptions() {}

  public static List<Option<?>> all() {
    return List.of(KAFKA_PORT, MQTT_PORT, INFLUX_PORT, READING_PARTITIONS, MQTT_AUTH);
  }
}
