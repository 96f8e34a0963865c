package io.voltstream.api;

import io.voltstream.api.mqttauth.MqttAdminOptions;
import io.voltstream.config.CommonOptions;
import io.voltstream.infra.junit.MosquittoExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts real API instances ({@link ApiApp#start}) for ITCases, on free ports and temp data dirs.
 */
public final class ApiInstances {
  /** A fixed secret so tests can forge expired tokens with the API's own key. */
  public static final String SECRET = "itcase-secret-0123456789abcdef-0123456789";

  private ApiInstances() {}

  /** Env for an instance on {@code kafkaBootstrap}, with {@code extra} entries on top. */
  public static Map<String, String> env(
      String kafkaBootstrap, Path dataDir, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put(ApiConfig.HOST, "127.0.0.1");
    env.put(ApiConfig.PORT, "0");
    env.put(ApiConfig.KAFKA_BOOTSTRAP, kafkaBootstrap);
    env.put(ApiConfig.DATA_DIR, dataDir.toString());
    env.put(ApiConfig.JWT_SECRET, SECRET);
    env.put(ApiConfig.INFLUX_URL, "http://127.0.0.1:9");
    env.putAll(extra);
    return env;
  }

  /** Starts an instance as production does (every resource, live feed on the instance's Kafka). */
  /**
   * The settings that give an API instance the device credential routes: the broker and its
   * dynamic-security admin account (a {@link MosquittoExtension#withDeviceAuth()} broker).
   */
  public static Map<String, String> deviceAuthEnv(MosquittoExtension mqtt) {
    return Map.of(
        CommonOptions.MQTT_URL.name(), mqtt.serverUri(),
        MqttAdminOptions.ADMIN_USERNAME.name(), mqtt.auth().adminUsername(),
        MqttAdminOptions.ADMIN_PASSWORD.name(), mqtt.auth().adminPassword());
  }

  public static ApiApp.Running start(Map<String, String> env) {
    try {
      Files.createDirectories(Path.of(env.get(ApiConfig.DATA_DIR)));
      ApiConfig config = ApiConfig.fromEnv(env);
      return ApiApp.start(config, env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A production instance on real Kafka and InfluxDB without rate limiting (for tests that send
   * many requests).
   */
  public static ApiApp.Running startUnthrottled(
      String kafkaBootstrap, Path dataDir, String influxUrl, String influxDb) {
    return startUnthrottled(kafkaBootstrap, dataDir, influxUrl, influxDb, Map.of());
  }

  /** Like {@link #startUnthrottled(String, Path, String, String)} with {@code extra} settings. */
  public static ApiApp.Running startUnthrottled(
      String kafkaBootstrap,
      Path dataDir,
      String influxUrl,
      String influxDb,
      Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.put(ApiConfig.RATE_LIMIT_RPS, "0");
    settings.put(ApiConfig.INFLUX_URL, influxUrl);
    settings.put(ApiConfig.INFLUX_DB, influxDb);
    return start(env(kafkaBootstrap, dataDir, settings));
  }

  /** A production instance on {@code kafkaBootstrap} without rate limiting, InfluxDB nowhere. */
  public static ApiApp.Running startUnthrottled(String kafkaBootstrap, Path dataDir) {
    return start(env(kafkaBootstrap, dataDir, Map.of(ApiConfig.RATE_LIMIT_RPS, "0")));
  }

  /** Closes the started ones of {@code instances} (nulls are skipped), last first. */
  public static void close(ApiApp.Running... instances) {
    for (int i = instances.length - 1; i >= 0; i--) {
      if (instances[i] != null) {
        instances[i].close();
      }
    }
  }

  public static String adminToken(ApiApp.Running api) {
    try {
      return Files.readString(api.adminTokenFile()).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
