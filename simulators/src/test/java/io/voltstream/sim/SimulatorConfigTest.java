package io.voltstream.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

  @Test
  void shouldUseTheDocumentedDefaults() {
    SimulatorConfig c = SimulatorConfig.fromEnv(Map.of());
    assertThat(c.mode()).isEqualTo(SimulatorConfig.Mode.DEMO);
    assertThat(c.mqttUrl()).isEqualTo(URI.create("tcp://localhost:1883"));
    assertThat(c.kafkaBootstrap()).contains("localhost:9092");
    assertThat(c.rooms()).isEqualTo(6);
    assertThat(c.sensorsPerRoom()).isEqualTo(1);
    assertThat(c.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.acceleration()).isEqualTo(1.0);
    assertThat(c.simulatedStart()).isEmpty();
    assertThat(c.seed()).isEqualTo(42L);
    assertThat(c.maxInflight()).isEqualTo(1000);
    assertThat(c.replayFile()).isEqualTo(Path.of(SimulatorConfig.DEFAULT_REPLAY_FILE));
    assertThat(c.replaySpeed()).isEqualTo(60.0);
    assertThat(c.replayEndsNow()).isTrue();
    assertThat(c.replayZone()).isEqualTo(ZoneId.of("+01:00"));
  }

  @Test
  void shouldReadEveryVariable() {
    SimulatorConfig c =
        SimulatorConfig.fromEnv(
            Map.ofEntries(
                Map.entry("VOLTSTREAM_SIM_MODE", "replay"),
                Map.entry("VOLTSTREAM_MQTT_URL", "tcp://broker:11883"),
                Map.entry("VOLTSTREAM_KAFKA_BOOTSTRAP", "none"),
                Map.entry("VOLTSTREAM_SIM_ROOMS", "12"),
                Map.entry("VOLTSTREAM_SIM_SENSORS_PER_ROOM", "3"),
                Map.entry("VOLTSTREAM_SIM_INTERVAL", "500ms"),
                Map.entry("VOLTSTREAM_SIM_ACCELERATION", "60"),
                Map.entry("VOLTSTREAM_SIM_START", "2026-06-21T00:00:00Z"),
                Map.entry("VOLTSTREAM_SIM_SEED", "7"),
                Map.entry("VOLTSTREAM_SIM_MAX_INFLIGHT", "10"),
                Map.entry("VOLTSTREAM_REPLAY_FILE", "/data/x.csv"),
                Map.entry("VOLTSTREAM_REPLAY_SPEED", "600"),
                Map.entry("VOLTSTREAM_REPLAY_END_NOW", "false"),
                Map.entry("VOLTSTREAM_REPLAY_ZONE", "Europe/Brussels")));
    assertThat(c.mode()).isEqualTo(SimulatorConfig.Mode.REPLAY);
    assertThat(c.mqttUrl().getPort()).isEqualTo(11883);
    assertThat(c.kafkaBootstrap()).isEqualTo(Optional.empty());
    assertThat(c.rooms()).isEqualTo(12);
    assertThat(c.sensorsPerRoom()).isEqualTo(3);
    assertThat(c.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.acceleration()).isEqualTo(60.0);
    assertThat(c.simulatedStart()).contains(Instant.parse("2026-06-21T00:00:00Z"));
    assertThat(c.seed()).isEqualTo(7L);
    assertThat(c.maxInflight()).isEqualTo(10);
    assertThat(c.replayFile()).isEqualTo(Path.of("/data/x.csv"));
    assertThat(c.replaySpeed()).isEqualTo(600.0);
    assertThat(c.replayEndsNow()).isFalse();
    assertThat(c.replayZone()).isEqualTo(ZoneId.of("Europe/Brussels"));
  }

  @Test
  void shouldDeriveTheIntervalFromATargetDataPointRate() {
    // 10 rooms × 10 meters × 6 points per reading: 6000 points/s is 10 readings/s per meter.
    SimulatorConfig c =
        SimulatorConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_SIM_ROOMS",
                "10",
                "VOLTSTREAM_SIM_SENSORS_PER_ROOM",
                "10",
                "VOLTSTREAM_SIM_TARGET_POINTS_PER_S",
                "6000"));
    assertThat(c.interval()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void shouldNameTheKeyOfAnInvalidValue() {
    assertRejected("VOLTSTREAM_SIM_ROOMS", "zero", "integer between 1 and 1000");
    assertRejected("VOLTSTREAM_SIM_ROOMS", "0", "integer between 1 and 1000");
    assertRejected("VOLTSTREAM_SIM_SENSORS_PER_ROOM", "-2", "integer");
    assertRejected("VOLTSTREAM_SIM_INTERVAL", "5 parsecs", "duration");
    assertRejected("VOLTSTREAM_SIM_INTERVAL", "0s", "greater than zero");
    assertRejected("VOLTSTREAM_SIM_ACCELERATION", "-1", "number > 0");
    assertRejected("VOLTSTREAM_SIM_ACCELERATION", "fast", "number > 0");
    assertRejected("VOLTSTREAM_SIM_SEED", "x", "whole number");
    assertRejected("VOLTSTREAM_SIM_START", "yesterday", "ISO-8601 instant");
    assertRejected("VOLTSTREAM_SIM_MODE", "party", "demo or replay");
    assertRejected("VOLTSTREAM_MQTT_URL", "http://localhost:1883", "tcp://localhost:1883");
    assertRejected("VOLTSTREAM_REPLAY_END_NOW", "maybe", "true or false");
    assertRejected("VOLTSTREAM_REPLAY_ZONE", "Mars/Olympus", "time zone");
    assertRejected("VOLTSTREAM_SIM_TARGET_POINTS_PER_S", "0", "number > 0");
  }

  private static void assertRejected(String key, String value, String expectation) {
    assertThatThrownBy(() -> SimulatorConfig.fromEnv(Map.of(key, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(value)
        .hasMessageContaining(expectation);
  }
}
