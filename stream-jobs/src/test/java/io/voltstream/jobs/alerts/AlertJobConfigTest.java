package io.voltstream.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertJobConfigTest {

  @Test
  void shouldUseDocumentedDefaults() {
    var cfg = AlertJobConfig.fromEnv(Map.of());
    assertThat(cfg.thresholds().co2MaxPpm()).isEqualTo(1000);
    assertThat(cfg.thresholds().temperatureMinC()).isEqualTo(16);
    assertThat(cfg.thresholds().temperatureMaxC()).isEqualTo(28);
    assertThat(cfg.thresholds().sensorSilence()).isEqualTo(Duration.ofMinutes(5));
    assertThat(cfg.thresholds().lateBurstPerMinute()).isEqualTo(10);
    assertThat(cfg.lateBurstGrace()).isEqualTo(Duration.ofSeconds(70));
  }

  @Test
  void shouldReadOverrides() {
    var cfg =
        AlertJobConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_ALERT_CO2_MAX_PPM",
                "1200",
                "VOLTSTREAM_ALERT_SENSOR_SILENCE",
                "2m",
                "VOLTSTREAM_ALERT_LATE_BURST_PER_MINUTE",
                "3"));
    assertThat(cfg.thresholds().co2MaxPpm()).isEqualTo(1200);
    assertThat(cfg.thresholds().sensorSilence()).isEqualTo(Duration.ofMinutes(2));
    assertThat(cfg.thresholds().lateBurstPerMinute()).isEqualTo(3);
  }

  @Test
  void shouldNameTheKeyOfAnInvalidValue() {
    assertThatThrownBy(() -> AlertJobConfig.fromEnv(Map.of("VOLTSTREAM_ALERT_CO2_MAX_PPM", "lots")))
        .hasMessageContaining("VOLTSTREAM_ALERT_CO2_MAX_PPM");
    assertThatThrownBy(
            () -> AlertJobConfig.fromEnv(Map.of("VOLTSTREAM_ALERT_TEMPERATURE_MIN_C", "30")))
        .hasMessageContaining("VOLTSTREAM_ALERT_TEMPERATURE_MIN_C");
    assertThatThrownBy(
            () -> AlertJobConfig.fromEnv(Map.of("VOLTSTREAM_ALERT_LATE_BURST_PER_MINUTE", "2.5")))
        .hasMessageContaining("VOLTSTREAM_ALERT_LATE_BURST_PER_MINUTE");
    assertThatThrownBy(
            () -> AlertJobConfig.fromEnv(Map.of("VOLTSTREAM_ALERT_SENSOR_SILENCE", "soon")))
        .hasMessageContaining("VOLTSTREAM_ALERT_SENSOR_SILENCE");
  }
}
