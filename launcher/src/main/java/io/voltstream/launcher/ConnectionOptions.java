package io.voltstream.launcher;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Flags shared by every subcommand. Each one overrides the matching {@code VOLTSTREAM_*}
 * environment variable; the merged map is what the modules' {@code XxxConfig.fromEnv} read.
 */
public final class ConnectionOptions {
  @Option(names = "--data-dir", description = "Data directory (env VOLTSTREAM_DATA_DIR, default ./var).")
  String dataDir;

  @Option(names = "--kafka", description = "Kafka bootstrap servers (env VOLTSTREAM_KAFKA_BOOTSTRAP, default localhost:9092).")
  String kafka;

  @Option(names = "--mqtt", description = "MQTT broker URL (env VOLTSTREAM_MQTT_URL, default tcp://localhost:1883).")
  String mqtt;

  @Option(names = "--influx", description = "InfluxDB URL (env VOLTSTREAM_INFLUX_URL, default http://localhost:8086).")
  String influx;

  @Option(names = "--influx-db", description = "InfluxDB database (env VOLTSTREAM_INFLUX_DB, default voltstream).")
  String influxDb;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Any other VOLTSTREAM_* setting, e.g. --set VOLTSTREAM_SIM_ROOMS=8 (repeatable).")
  Map<String, String> extra = new HashMap<>();

  /** The process environment with the flags laid over it. */
  public Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    put(env, "VOLTSTREAM_DATA_DIR", dataDir);
    put(env, "VOLTSTREAM_KAFKA_BOOTSTRAP", kafka);
    put(env, "VOLTSTREAM_MQTT_URL", mqtt);
    put(env, "VOLTSTREAM_INFLUX_URL", influx);
    put(env, "VOLTSTREAM_INFLUX_DB", influxDb);
    extra.forEach((k, v) -> {
      if (!k.startsWith("VOLTSTREAM_")) {
        throw new IllegalArgumentException("--set takes VOLTSTREAM_* keys, got '" + k + "'");
      }
      env.put(k, v);
    });
    return env;
  }

  private static void put(Map<String, String> env, String key, String value) {
    if (value != null && !value.isBlank()) {
      env.put(key, value);
    }
  }
}
