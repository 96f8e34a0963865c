package io.voltstream.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobsConfigTest {

  @Test
  void shouldUseDocumentedDefaults() {
    JobsConfig cfg = JobsConfig.fromEnv(Map.of());

    assertThat(cfg.kafkaBootstrap()).isEqualTo("localhost:9092");
    assertThat(cfg.influxUrl()).isEqualTo("http://localhost:8086");
    assertThat(cfg.influxDb()).isEqualTo("voltstream");
    assertThat(cfg.influxCreateDb()).isTrue();
    assertThat(cfg.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(cfg.maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(10));
    assertThat(cfg.sourceIdleness()).isEqualTo(Duration.ofSeconds(30));
    assertThat(cfg.window()).isEqualTo(Duration.ofMinutes(1));
    assertThat(cfg.allowedLateness()).isZero();
    assertThat(cfg.maxEventTimeAhead()).isEqualTo(Duration.ofMinutes(2));
    assertThat(cfg.groupId("raw-readings")).isEqualTo("voltstream-raw-readings");
  }

  @Test
  void shouldReadOverridesInEitherDurationSyntax() {
    JobsConfig cfg =
        JobsConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_KAFKA_BOOTSTRAP", "k:1",
                "VOLTSTREAM_CHECKPOINT_INTERVAL", "500ms",
                "VOLTSTREAM_WINDOW", "PT2M",
                "VOLTSTREAM_INFLUX_CREATE_DB", "false"));

    assertThat(cfg.kafkaBootstrap()).isEqualTo("k:1");
    assertThat(cfg.checkpointInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(cfg.window()).isEqualTo(Duration.ofMinutes(2));
    assertThat(cfg.influxCreateDb()).isFalse();
  }

  @Test
  void shouldNameTheKeyOfAnInvalidDuration() {
    assertThatThrownBy(() -> JobsConfig.fromEnv(Map.of("VOLTSTREAM_SOURCE_IDLENESS", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "VOLTSTREAM_SOURCE_IDLENESS: expected a duration greater than zero such as 500ms, 30s,"
                + " 5m, 1h or 2d, got 'soon'");
  }

  @Test
  void shouldNameTheKeyOfAnInvalidUrlOrBoolean() {
    assertThatThrownBy(() -> JobsConfig.fromEnv(Map.of("VOLTSTREAM_INFLUX_URL", "localhost:8086")))
        .hasMessageStartingWith("VOLTSTREAM_INFLUX_URL:");
    assertThatThrownBy(() -> JobsConfig.fromEnv(Map.of("VOLTSTREAM_INFLUX_CREATE_DB", "maybe")))
        .hasMessageStartingWith("VOLTSTREAM_INFLUX_CREATE_DB:");
    assertThatThrownBy(() -> JobsConfig.fromEnv(Map.of("VOLTSTREAM_INFLUX_USER", "admin")))
        .hasMessageContaining("VOLTSTREAM_INFLUX_PASSWORD");
  }

  @Test
  void shouldLetCommandLineFlagsOverrideTheEnvironment() {
    Map<String, String> merged =
        JobsConfig.withArgs(
            Map.of("VOLTSTREAM_INFLUX_DB", "env"),
            new String[] {"--influx-db=flag", "--kafka-bootstrap", "b:9"});

    JobsConfig cfg = JobsConfig.fromEnv(merged);

    assertThat(cfg.influxDb()).isEqualTo("flag");
    assertThat(cfg.kafkaBootstrap()).isEqualTo("b:9");
  }

  @Test
  void shouldRejectPositionalArguments() {
    assertThatThrownBy(() -> JobsConfig.withArgs(Map.of(), new String[] {"oops"}))
        .hasMessageContaining("unexpected argument 'oops'");
  }

  @Test
  void shouldNotPrintSecrets() {
    JobsConfig cfg =
        JobsConfig.fromEnv(
            Map.of("VOLTSTREAM_INFLUX_USER", "u", "VOLTSTREAM_INFLUX_PASSWORD", "s3cret"));

    assertThat(cfg.toString()).doesNotContain("s3cret");
  }
}
