package io.voltstream.sim;

import io.voltstream.sim.config.EnvValues;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the simulator deployable ({@code ./voltstream simulate}), read from
 * {@code VOLTSTREAM_*} variables by {@link #fromEnv(Map)}. Defaults and units:
 *
 * <ul>
 *   <li>{@code VOLTSTREAM_SIM_MODE} — {@code demo} (synthetic building) or {@code replay} (UCI file); default demo
 *   <li>{@code VOLTSTREAM_MQTT_URL} — broker, default {@code tcp://localhost:1883}
 *   <li>{@code VOLTSTREAM_KAFKA_BOOTSTRAP} — Kafka for the registry, default {@code localhost:9092}; {@code none} skips registration
 *   <li>{@code VOLTSTREAM_SIM_ROOMS} — indoor rooms of the demo building [1..1000], default 6 (plus the PV roof)
 *   <li>{@code VOLTSTREAM_SIM_SENSORS_PER_ROOM} — meters per room [1..1000], default 1
 *   <li>{@code VOLTSTREAM_SIM_INTERVAL} — wall-clock interval between two readings of a device, default 5s
 *   <li>{@code VOLTSTREAM_SIM_TARGET_POINTS_PER_S} — if set, overrides the interval so the building
 *       publishes about this many data points (metric values) per second
 *   <li>{@code VOLTSTREAM_SIM_ACCELERATION} — simulated seconds per wall second, default 1.0
 *   <li>{@code VOLTSTREAM_SIM_START} — simulated start instant (ISO-8601), default now
 *   <li>{@code VOLTSTREAM_SIM_SEED} — random seed, default 42
 *   <li>{@code VOLTSTREAM_SIM_MAX_INFLIGHT} — unacknowledged QoS 1 publishes allowed [1..65535], default 1000
 *   <li>{@code VOLTSTREAM_REPLAY_FILE} — UCI CSV, default {@code data/uci-appliances/energydata_2016-02-14_2016-04-30.csv}
 *   <li>{@code VOLTSTREAM_REPLAY_SPEED} — replay speed factor (file seconds per wall second), default 60
 *   <li>{@code VOLTSTREAM_REPLAY_END_NOW} — shift timestamps so the replay ends now, default true
 *   <li>{@code VOLTSTREAM_REPLAY_ZONE} — zone of the file's local times, default {@code +01:00} (the file
 *       does not follow DST: 27 March 2016 02:00–02:50 are present)
 * </ul>
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
    ZoneId replayZone) {

  /** What the simulator publishes. */
  public enum Mode {
    DEMO,
    REPLAY
  }

  public static final String DEFAULT_REPLAY_FILE =
      "data/uci-appliances/energydata_2016-02-14_2016-04-30.csv";
  /** Data points per reading of a room meter (energy, power, CO2, temperature, humidity, voltage). */
  static final int METER_DATA_POINTS = 6;

  public static SimulatorConfig defaults() {
    return fromEnv(Map.of());
  }

  public static SimulatorConfig fromEnv(Map<String, String> env) {
    EnvValues e = new EnvValues(env);
    Mode mode = switch (e.string("VOLTSTREAM_SIM_MODE", "demo").toLowerCase(Locale.ROOT)) {
      case "demo" -> Mode.DEMO;
      case "replay" -> Mode.REPLAY;
      default -> throw EnvValues.invalid("VOLTSTREAM_SIM_MODE", e.string("VOLTSTREAM_SIM_MODE", ""), "demo or replay");
    };
    URI mqtt = e.mqttUrl("VOLTSTREAM_MQTT_URL", "tcp://localhost:1883");
    String kafka = e.string("VOLTSTREAM_KAFKA_BOOTSTRAP", "localhost:9092");
    Optional<String> bootstrap = kafka.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(kafka);
    int rooms = e.integer("VOLTSTREAM_SIM_ROOMS", 6, 1, 1000);
    int perRoom = e.integer("VOLTSTREAM_SIM_SENSORS_PER_ROOM", 1, 1, 1000);
    Duration interval = e.duration("VOLTSTREAM_SIM_INTERVAL", Duration.ofSeconds(5));
    Optional<Double> target = e.optionalPositive("VOLTSTREAM_SIM_TARGET_POINTS_PER_S", 0, 10_000_000);
    if (target.isPresent()) {
      interval = intervalForTarget(rooms * perRoom, target.get());
    }
    if (interval.compareTo(Duration.ofMillis(1)) < 0) {
      throw EnvValues.invalid("VOLTSTREAM_SIM_INTERVAL", interval.toString(), "at least 1ms (fewer sensors or a lower target rate)");
    }
    double acceleration = e.positive("VOLTSTREAM_SIM_ACCELERATION", 1.0, 0, 1_000_000);
    return new SimulatorConfig(mode, mqtt, bootstrap, rooms, perRoom, interval, acceleration,
        e.instant("VOLTSTREAM_SIM_START"), e.longValue("VOLTSTREAM_SIM_SEED", 42L),
        e.integer("VOLTSTREAM_SIM_MAX_INFLIGHT", 1000, 1, 65_535),
        Path.of(e.string("VOLTSTREAM_REPLAY_FILE", DEFAULT_REPLAY_FILE)),
        e.positive("VOLTSTREAM_REPLAY_SPEED", 60.0, 0, 1_000_000_000),
        e.bool("VOLTSTREAM_REPLAY_END_NOW", true),
        e.zone("VOLTSTREAM_REPLAY_ZONE", ZoneId.of("+01:00")));
  }

  /** The per-device interval at which {@code meters} room meters publish {@code pointsPerSecond} in total. */
  static Duration intervalForTarget(int meters, double pointsPerSecond) {
    double readingsPerSecond = pointsPerSecond / METER_DATA_POINTS;
    return Duration.ofNanos(Math.round(meters / readingsPerSecond * 1e9));
  }

  public SimulatorConfig withMqttUrl(URI url) {
    return new SimulatorConfig(mode, url, kafkaBootstrap, rooms, sensorsPerRoom, interval, acceleration,
        simulatedStart, seed, maxInflight, replayFile, replaySpeed, replayEndsNow, replayZone);
  }

  public SimulatorConfig withKafkaBootstrap(Optional<String> bootstrap) {
    return new SimulatorConfig(mode, mqttUrl, bootstrap, rooms, sensorsPerRoom, interval, acceleration,
        simulatedStart, seed, maxInflight, replayFile, replaySpeed, replayEndsNow, replayZone);
  }
}
