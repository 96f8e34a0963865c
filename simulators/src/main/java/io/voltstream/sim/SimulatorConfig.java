package io.voltstream.sim;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.ConfigReader;
import io.voltstream.sim.mqtt.DeviceLogins;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the simulator deployable ({@code ./voltstream simulate}), read by {@link
 * #fromEnv(Map)} from the {@code VOLTSTREAM_*} variables declared with their defaults and units in
 * {@link SimulatorOptions}. {@code VOLTSTREAM_KAFKA_BOOTSTRAP=none} skips the registry
 * registration; {@code VOLTSTREAM_SIM_TARGET_POINTS_PER_S} overrides the interval. {@code
 * sharedLogin} ({@code VOLTSTREAM_MQTT_USERNAME}/{@code _PASSWORD}) is the login of the shared
 * connection; {@code deviceLoginsFile} gives devices their own (see {@link DeviceLogins}).
 */
public record SimulatorConfig(
    Mode mode,
    URI mqttUrl,
    Optional<String> kafkaBootstrap,
    int rooms,
    int sensorsPerRoom,
    Duration interval,
    double acceleration,
    Optional<Instant> simulatedStart,
    long seed,
    int maxInflight,
    Path replayFile,
    double replaySpeed,
    boolean replayEndsNow,
    ZoneId replayZone,
    Duration batteryStateInterval,
    Optional<DeviceLogins.Login> sharedLogin,
    Optional<Path> deviceLoginsFile) {

  /** What the simulator publishes. */
  public enum Mode {
    DEMO,
    REPLAY
  }

  public static final String DEFAULT_REPLAY_FILE =
      "data/uci-appliances/energydata_2016-02-14_2016-04-30.csv";

  /**
   * Data points per reading of a room meter (energy, power, CO2, temperature, humidity, voltage).
   */
  static final int METER_DATA_POINTS = 6;

  public static SimulatorConfig defaults() {
    return fromEnv(Map.of());
  }

  public static SimulatorConfig fromEnv(Map<String, String> env) {
    ConfigReader r = new ConfigReader(env);
    Mode mode = Mode.valueOf(r.get(SimulatorOptions.MODE).toUpperCase(Locale.ROOT));
    String kafka = r.get(CommonOptions.KAFKA_BOOTSTRAP);
    Optional<String> bootstrap =
        kafka.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(kafka);
    int rooms = r.get(SimulatorOptions.ROOMS);
    int perRoom = r.get(SimulatorOptions.SENSORS_PER_ROOM);
    Duration interval =
        r.find(SimulatorOptions.TARGET_POINTS_PER_S)
            .map(target -> intervalForTarget(rooms * perRoom, target))
            .orElse(r.get(SimulatorOptions.INTERVAL));
    if (interval.compareTo(Duration.ofMillis(1)) < 0) {
      throw ConfigReader.invalid(
          SimulatorOptions.INTERVAL.name(),
          interval.toString(),
          "at least 1ms (fewer sensors or a lower target rate)");
    }
    return new SimulatorConfig(
        mode,
        r.get(CommonOptions.MQTT_URL),
        bootstrap,
        rooms,
        perRoom,
        interval,
        r.get(SimulatorOptions.ACCELERATION),
        r.find(SimulatorOptions.START),
        r.get(SimulatorOptions.SEED),
        r.get(SimulatorOptions.MAX_INFLIGHT),
        r.get(SimulatorOptions.REPLAY_FILE),
        r.get(SimulatorOptions.REPLAY_SPEED),
        r.get(SimulatorOptions.REPLAY_END_NOW),
        r.get(SimulatorOptions.REPLAY_ZONE),
        r.get(SimulatorOptions.BATTERY_STATE_INTERVAL),
        r.find(CommonOptions.MQTT_USERNAME)
            .map(
                user ->
                    new DeviceLogins.Login(user, r.find(CommonOptions.MQTT_PASSWORD).orElse(""))),
        r.find(SimulatorOptions.MQTT_LOGINS_FILE));
  }

  /** The per-device logins of {@code VOLTSTREAM_SIM_MQTT_LOGINS_FILE}, else none. */
  public DeviceLogins deviceLogins() {
    return deviceLoginsFile.map(DeviceLogins::fromFile).orElse(DeviceLogins.none());
  }

  /**
   * The per-device interval at which {@code meters} room meters publish {@code pointsPerSecond} in
   * total.
   */
  static Duration intervalForTarget(int meters, double pointsPerSecond) {
    double readingsPerSecond = pointsPerSecond / METER_DATA_POINTS;
    return Duration.ofNanos(Math.round(meters / readingsPerSecond * 1e9));
  }

  public SimulatorConfig withMqttUrl(URI url) {
    return new SimulatorConfig(
        mode,
        url,
        kafkaBootstrap,
        rooms,
        sensorsPerRoom,
        interval,
        acceleration,
        simulatedStart,
        seed,
        maxInflight,
        replayFile,
        replaySpeed,
        replayEndsNow,
        replayZone,
        batteryStateInterval,
        sharedLogin,
        deviceLoginsFile);
  }

  public SimulatorConfig withKafkaBootstrap(Optional<String> bootstrap) {
    return new SimulatorConfig(
        mode,
        mqttUrl,
        bootstrap,
        rooms,
        sensorsPerRoom,
        interval,
        acceleration,
        simulatedStart,
        seed,
        maxInflight,
        replayFile,
        replaySpeed,
        replayEndsNow,
        replayZone,
        batteryStateInterval,
        sharedLogin,
        deviceLoginsFile);
  }
}
