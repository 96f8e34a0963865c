package io.voltstream.launcher;

import io.voltstream.config.CommonOptions;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Flags shared by every subcommand. Each one overrides the matching {@code VOLTSTREAM_*}
 * environment variable; the merged map is what the modules' {@code XxxConfig.fromEnv} read.
 */
public final class ConnectionOptions {
  @Option(
      names = "--data-dir",
      description = "Data directory (env VOLTSTREAM_DATA_DIR, default ./var).")
  String dataDir;

  @Option(
      names = "--kafka",
      description =
          "Kafka bootstrap servers (env VOLTSTREAM_KAFKA_BOOTSTRAP, default localhost:9092).")
  String kafka;

  @Option(
      names = "--mqtt",
      description = "MQTT broker URL (env VOLTSTREAM_MQTT_URL, default tcp://localhost:1883).")
  String mqtt;

  @Option(
      names = "--influx",
      description = "InfluxDB URL (env VOLTSTREAM_INFLUX_URL, default http://localhost:8086).")
  String influx;

  @Option(
      names = "--influx-db",
      description = "InfluxDB database (env VOLTSTREAM_INFLUX_DB, default voltstream).")
  String influxDb;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Any other VOLTSTREAM_* setting, e.g. --set VOLTSTREAM_SIM_ROOMS=8 (repeatable).")
  Map<String, String> extra = new HashMap<>();

  /** The process environment with the flags laid over it. */
  public Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(flags());
    return env;
  }

  /** Only the settings given by flags, by variable name. */
  public Map<String, String> flags() {
    Map<String, String> flags = new HashMap<>();
    put(flags, CommonOptions.DATA_DIR.name(), dataDir);
    put(flags, CommonOptions.KAFKA_BOOTSTRAP.name(), kafka);
    put(flags, CommonOptions.MQTT_URL.name(), mqtt);
    put(flags, CommonOptions.INFLUX_URL.name(), influx);
    put(flags, CommonOptions.INFLUX_DB.name(), influxDb);
    extra.forEach(
        (k, v) -> {
          if (!k.startsWith(io.voltstream.config.Option.PREFIX)) { // picocli has an Option too
            throw new IllegalArgumentException("--set takes VOLTSTREAM_* keys, got '" + k + "'");
          }
          flags.put(k, v);
        });
    return flags;
  }

  private static void put(Map<String, String> env, String key, String value) {
    if (value != null && !value.isBlank()) {
      env.put(key, value);
    }
  }
}
