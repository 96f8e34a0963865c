package io.voltstream.sim;

import io.voltstream.config.CommonOptions;
import io.voltstream.config.Option;
import io.voltstream.config.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Every setting of the simulator ({@link SimulatorConfig}, {@code ./voltstream simulate}), declared
 * once.
 */
public final class SimulatorOptions {
  public static final Option<String> MODE =
      Option.of(
          "VOLTSTREAM_SIM_MODE",
          ValueType.choice("demo", "replay"),
          "demo",
          "demo (synthetic building) or replay (UCI file)");
  public static final Option<Integer> ROOMS =
      Option.of(
              "VOLTSTREAM_SIM_ROOMS",
              ValueType.integer(1, 1000),
              "6",
              "Indoor rooms of the demo building (plus the PV roof)")
          .withUnit("rooms");
  public static final Option<Integer> SENSORS_PER_ROOM =
      Option.of(
              "VOLTSTREAM_SIM_SENSORS_PER_ROOM", ValueType.integer(1, 1000), "1", "Meters per room")
          .withUnit("sensors");
  public static final Option<Duration> INTERVAL =
      Option.of(
          "VOLTSTREAM_SIM_INTERVAL",
          ValueType.positiveDuration(),
          "5s",
          "Wall-clock interval between two readings of a device");
  public static final Option<Double> TARGET_POINTS_PER_S =
      Option.of(
              "VOLTSTREAM_SIM_TARGET_POINTS_PER_S",
              ValueType.number(0, 10_000_000),
              null,
              "If set, overrides the interval so the building publishes about this many data points"
                  + " per second")
          .withUnit("points/s");
  public static final Option<Double> ACCELERATION =
      Option.of(
          "VOLTSTREAM_SIM_ACCELERATION",
          ValueType.number(0, 1_000_000),
          "1.0",
          "Simulated seconds per wall second");
  public static final Option<Instant> START =
      Option.of(
          "VOLTSTREAM_SIM_START",
          ValueType.instant(),
          null,
          "Simulated start instant; unset = now");
  public static final Option<Long> SEED =
      Option.of("VOLTSTREAM_SIM_SEED", ValueType.wholeNumber(), "42", "Random seed");
  public static final Option<Integer> MAX_INFLIGHT =
      Option.of(
              "VOLTSTREAM_SIM_MAX_INFLIGHT",
              ValueType.integer(1, 65_535),
              "1000",
              "Unacknowledged QoS 1 publishes allowed")
          .withUnit("messages");
  public static final Option<Path> REPLAY_FILE =
      Option.of(
          "VOLTSTREAM_REPLAY_FILE",
          ValueType.path(),
          SimulatorConfig.DEFAULT_REPLAY_FILE,
          "UCI appliances CSV to replay");
  public static final Option<Double> REPLAY_SPEED =
      Option.of(
          "VOLTSTREAM_REPLAY_SPEED",
          ValueType.number(0, 1_000_000_000),
          "60",
          "Replay speed: file seconds per wall second");
  public static final Option<Boolean> REPLAY_END_NOW =
      Option.of(
          "VOLTSTREAM_REPLAY_END_NOW",
          ValueType.bool(),
          "true",
          "Shift timestamps so the replay ends now");
  public static final Option<ZoneId> REPLAY_ZONE =
      Option.of(
          "VOLTSTREAM_REPLAY_ZONE",
          ValueType.zone(),
          "+01:00",
          "Zone of the file's local times (the UCI file does not follow DST)");

  private SimulatorOptions() {}

  /**
   * Every setting of the simulator, shared ones included; {@code VOLTSTREAM_KAFKA_BOOTSTRAP=none}
   * skips the registry registration.
   */
  public static final Option<Duration> BATTERY_STATE_INTERVAL =
      Option.of(
          "VOLTSTREAM_SIM_BATTERY_STATE_INTERVAL",
          ValueType.positiveDuration(),
          "5s",
          "Demo mode: how often (wall time) each simulated battery publishes batteries/{id}/state");

  public static final Option<java.nio.file.Path> MQTT_LOGINS_FILE =
      Option.of(
          "VOLTSTREAM_SIM_MQTT_LOGINS_FILE",
          ValueType.path(),
          null,
          "Demo mode: properties file of device-id=password MQTT logins issued by the registry"
              + " (POST .../mqtt-credentials); each listed device connects with its own login,"
              + " the others share one connection");

  public static List<Option<?>> all() {
    return List.of(
        MODE,
        CommonOptions.MQTT_URL,
        CommonOptions.MQTT_USERNAME,
        CommonOptions.MQTT_PASSWORD,
        MQTT_LOGINS_FILE,
        CommonOptions.KAFKA_BOOTSTRAP,
        ROOMS,
        SENSORS_PER_ROOM,
        INTERVAL,
        TARGET_POINTS_PER_S,
        ACCELERATION,
        START,
        SEED,
        MAX_INFLIGHT,
        REPLAY_FILE,
        REPLAY_SPEED,
        REPLAY_END_NOW,
        REPLAY_ZONE,
        BATTERY_STATE_INTERVAL);
  }
}
