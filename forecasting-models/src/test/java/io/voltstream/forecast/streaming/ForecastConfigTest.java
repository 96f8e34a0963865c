package io.voltstream.forecast.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastConfigTest {
  @Test
  void shouldUseDocumentedDefaults() {
    ForecastConfig c = ForecastConfig.fromEnv(Map.of());

    assertThat(c.influxUrl()).isEqualTo(URI.create("http://localhost:8086"));
    assertThat(c.influxDb()).isEqualTo("voltstream");
    assertThat(c.modelDir()).isEqualTo(Path.of("var", "models"));
    assertThat(c.buildings()).isEmpty();
    assertThat(c.interval()).isEqualTo(Duration.ofHours(1));
    assertThat(c.horizonHours()).isEqualTo(24);
    assertThat(c.historyDays()).isEqualTo(35);
    assertThat(c.accuracyWindowHours()).isEqualTo(168);
    assertThat(c.kafkaBootstrap()).isEmpty();
  }

  @Test
  void shouldPublishToKafkaOnlyWhenABootstrapIsSet() {
    assertThat(
            ForecastConfig.fromEnv(Map.of("VOLTSTREAM_KAFKA_BOOTSTRAP", " kafka:9092 "))
                .kafkaBootstrap())
        .contains("kafka:9092");
    assertThat(ForecastConfig.fromEnv(Map.of("VOLTSTREAM_KAFKA_BOOTSTRAP", "  ")).kafkaBootstrap())
        .isEmpty();
  }

  @Test
  void shouldReadEveryVariable() {
    ForecastConfig c =
        ForecastConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_INFLUX_URL", "http://influx:18086",
                "VOLTSTREAM_INFLUX_DB", "vs",
                "VOLTSTREAM_DATA_DIR", "/data",
                "VOLTSTREAM_FORECAST_BUILDINGS", "demo, hq",
                "VOLTSTREAM_FORECAST_INTERVAL", "15m",
                "VOLTSTREAM_FORECAST_HORIZON_HOURS", "12"));

    assertThat(c.modelDir()).isEqualTo(Path.of("/data/models"));
    assertThat(c.buildings()).isEqualTo(List.of("demo", "hq"));
    assertThat(c.interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.horizonHours()).isEqualTo(12);
  }

  @Test
  void shouldNameTheKeyOfAnInvalidValue() {
    assertThatThrownBy(
            () -> ForecastConfig.fromEnv(Map.of("VOLTSTREAM_FORECAST_HORIZON_HOURS", "48")))
        .hasMessageContaining("VOLTSTREAM_FORECAST_HORIZON_HOURS must be 1..24");
    assertThatThrownBy(
            () -> ForecastConfig.fromEnv(Map.of("VOLTSTREAM_FORECAST_BUILDINGS", "demo,x' OR 1=1")))
        .hasMessageContaining("VOLTSTREAM_FORECAST_BUILDINGS");
    assertThatThrownBy(() -> ForecastConfig.fromEnv(Map.of("VOLTSTREAM_INFLUX_URL", "localhost")))
        .hasMessageContaining("VOLTSTREAM_INFLUX_URL");
    assertThatThrownBy(() -> ForecastConfig.fromEnv(Map.of("VOLTSTREAM_FORECAST_INTERVAL", "soon")))
        .hasMessageContaining("VOLTSTREAM_FORECAST_INTERVAL");
  }

  @Test
  void shouldSendTheInfluxLoginFromItsSecretFileAndNeverPrintIt(@TempDir Path dir)
      throws Exception {
    Path secret = Files.writeString(dir.resolve("influx_password"), "s3cret-pw\n");

    ForecastConfig c =
        ForecastConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_INFLUX_USER",
                "voltstream",
                "VOLTSTREAM_INFLUX_PASSWORD_FILE",
                secret.toString()));

    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("voltstream:s3cret-pw".getBytes(StandardCharsets.UTF_8));
    assertThat(c.influxAuthorization()).contains(expected);
    assertThat(c.toString()).doesNotContain("s3cret-pw").doesNotContain(expected.substring(6));
    assertThat(ForecastConfig.fromEnv(Map.of()).influxAuthorization()).isEmpty();
  }
}
