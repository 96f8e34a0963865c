package io.voltstream.sim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltstream.model.SensorReading;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadGeneratorConfigTest {

  @Test
  void shouldUseTheDocumentedDefaults() {
    LoadGeneratorConfig c = LoadGeneratorConfig.defaults();
    assertThat(c.dataPointsPerSecond()).isEqualTo(30_000);
    assertThat(c.sensors()).isEqualTo(1000);
    assertThat(c.rooms()).isEqualTo(50);
    assertThat(c.metricsPerReading()).isEqualTo(6);
    assertThat(c.readingsPerSecond()).isEqualTo(5000);
    assertThat(c.mqttUrl().toString()).isEqualTo("tcp://localhost:1883");
  }

  @Test
  void shouldNameTheKeyOfAnInvalidValue() {
    assertThatThrownBy(
            () -> LoadGeneratorConfig.fromEnv(Map.of("VOLTSTREAM_LOAD_METRICS_PER_READING", "8")))
        .hasMessageContaining("VOLTSTREAM_LOAD_METRICS_PER_READING")
        .hasMessageContaining("between 1 and 7");
    assertThatThrownBy(
            () -> LoadGeneratorConfig.fromEnv(Map.of("VOLTSTREAM_LOAD_POINTS_PER_S", "-5")))
        .hasMessageContaining("VOLTSTREAM_LOAD_POINTS_PER_S");
    assertThatThrownBy(
            () -> LoadGeneratorConfig.fromEnv(Map.of("VOLTSTREAM_LOAD_SENSOR_PREFIX", "a/b")))
        .hasMessageContaining("VOLTSTREAM_LOAD_SENSOR_PREFIX");
  }

  @Test
  void shouldCarryExactlyTheConfiguredNumberOfMetrics() {
    for (int metrics = 1; metrics <= LoadGeneratorConfig.MAX_METRICS; metrics++) {
      SensorReading r = LoadReadings.reading("load-", 3, 10, metrics, 5, Instant.EPOCH);
      assertThat(r.metricCount()).as("metrics %d", metrics).isEqualTo(metrics);
    }
  }

  @Test
  void shouldSpreadSensorsOverRooms() {
    SensorReading r = LoadReadings.reading("bench-", 23, 10, 6, 0, Instant.EPOCH);
    assertThat(r.sensorId()).isEqualTo("bench-sensor-23");
    assertThat(r.room()).isEqualTo("bench-room-3");
  }
}
