package io.voltstream.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings that several deployables share (where the servers are, where data lives). Declared once
 * here; each deployable's {@code XxxOptions} lists the ones it reads.
 */
public final class CommonOptions {
  public static final Option<String> KAFKA_BOOTSTRAP =
      Option.of(
          "VOLTSTREAM_KAFKA_BOOTSTRAP",
          ValueType.string(),
          "localhost:9092",
          "Kafka bootstrap servers, host:port[,host:port...]");
  public static final Option<URI> MQTT_URL =
      Option.of(
          "VOLTSTREAM_MQTT_URL", ValueType.mqttUrl(), "tcp://localhost:1883", "MQTT broker URL");
  public static final Option<String> MQTT_USERNAME =
      Option.of(
          "VOLTSTREAM_MQTT_USERNAME",
          ValueType.string(),
          null,
          "MQTT user name; unset = anonymous");
  public static final Option<String> MQTT_PASSWORD =
      Option.of("VOLTSTREAM_MQTT_PASSWORD", ValueType.string(), null, "MQTT password").asSecret();
  public static final Option<URI> INFLUX_URL =
      Option.of(
          "VOLTSTREAM_INFLUX_URL",
          ValueType.httpUrl(),
          "http://localhost:8086",
          "InfluxDB base URL");
  public static final Option<String> INFLUX_DB =
      Option.of(
          "VOLTSTREAM_INFLUX_DB",
          ValueType.matching("[A-Za-z0-9_-]{1,64}", "a name of 1-64 characters from [A-Za-z0-9_-]"),
          "voltstream",
          "InfluxDB database");
  public static final Option<String> INFLUX_USER =
      Option.of(
          "VOLTSTREAM_INFLUX_USER",
          ValueType.string(),
          null,
          "InfluxDB user (HTTP basic auth, 1.x/2.x compat); set together with"
              + " VOLTSTREAM_INFLUX_PASSWORD");
  public static final Option<String> INFLUX_PASSWORD =
      Option.of("VOLTSTREAM_INFLUX_PASSWORD", ValueType.string(), null, "InfluxDB password")
          .asSecret();
  public static final Option<String> INFLUX_TOKEN =
      Option.of(
              "VOLTSTREAM_INFLUX_TOKEN",
              ValueType.string(),
              null,
              "InfluxDB token (Authorization: Token ..., 2.x/3.x)")
          .asSecret();
  public static final Option<Path> DATA_DIR =
      Option.of(
          "VOLTSTREAM_DATA_DIR",
          ValueType.path(),
          "./var",
          "Data directory: local servers' data, jwt.secret, admin.token, models/");
  public static final Option<String> CONSUMER_GROUP_PREFIX =
      Option.of(
          "VOLTSTREAM_CONSUMER_GROUP_PREFIX",
          ValueType.string(),
          "voltstream-",
          "Prefix of the jobs' Kafka consumer groups (the API's /health reports their lag)");

  private CommonOptions() {}

  public static List<Option<?>> all() {
    return List.of(
        KAFKA_BOOTSTRAP,
        MQTT_URL,
        MQTT_USERNAME,
        MQTT_PASSWORD,
        INFLUX_URL,
        INFLUX_DB,
        INFLUX_USER,
        INFLUX_PASSWORD,
        INFLUX_TOKEN,
        DATA_DIR,
        CONSUMER_GROUP_PREFIX);
  }
}
