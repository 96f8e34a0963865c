package io.voltstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

  @Test
  void shouldNeverPrintTheJwtSecret() {
    String secret = "s3cret-s3cret-s3cret-s3cret-s3cret-42";
    ApiConfig c = ApiConfig.fromEnv(Map.of(ApiConfig.JWT_SECRET, secret));
    assertThat(c.jwtSecret()).contains(secret);
    assertThat(c.toString()).doesNotContain(secret).contains("jwtSecret=<redacted>");
  }

  @Test
  void shouldUseDocumentedDefaults() {
    ApiConfig c = ApiConfig.fromEnv(Map.of());

    assertThat(c.port()).isEqualTo(8000);
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.dataDir()).isEqualTo(Path.of("./var"));
    assertThat(c.kafkaBootstrap()).isEqualTo("localhost:9092");
    assertThat(c.influxUrl()).isEqualTo(URI.create("http://localhost:8086"));
    assertThat(c.influxDb()).isEqualTo("voltstream");
    assertThat(c.jwtSecret()).isEmpty();
    assertThat(c.tokenTtl()).isEqualTo(Duration.ofDays(1));
    assertThat(c.maxBodyBytes()).isEqualTo(1_048_576);
    assertThat(c.rateLimitPerSecond()).isEqualTo(200);
  }

  @Test
  void shouldReadEveryKey() {
    ApiConfig c =
        ApiConfig.fromEnv(
            Map.ofEntries(
                Map.entry(ApiConfig.HOST, "127.0.0.1"),
                Map.entry(ApiConfig.PORT, "0"),
                Map.entry(ApiConfig.DATA_DIR, "/tmp/x"),
                Map.entry(ApiConfig.KAFKA_BOOTSTRAP, "k:1"),
                Map.entry(ApiConfig.INFLUX_URL, "http://i:2/"),
                Map.entry(ApiConfig.INFLUX_DB, "db"),
                Map.entry(ApiConfig.JWT_SECRET, "s".repeat(32)),
                Map.entry("VOLTSTREAM_API_TOKEN_TTL_S", "60"),
                Map.entry(ApiConfig.RATE_LIMIT_RPS, "0"),
                Map.entry(ApiConfig.MAX_BODY_BYTES, "4096"),
                Map.entry("VOLTSTREAM_API_REQUEST_TIMEOUT_S", "5")));

    assertThat(c.port()).isZero();
    assertThat(c.influxUrl()).isEqualTo(URI.create("http://i:2"));
    assertThat(c.jwtSecret()).contains("s".repeat(32));
    assertThat(c.tokenTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.rateLimitPerSecond()).isZero();
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void shouldReadDurationsInTheOneSyntaxUnderTheirNewNames() {
    ApiConfig c =
        ApiConfig.fromEnv(
            Map.of(
                ApiConfig.TOKEN_TTL,
                "2h",
                ApiConfig.ADMIN_TOKEN_TTL,
                "30d",
                ApiConfig.REQUEST_TIMEOUT,
                "45s",
                ApiConfig.WRITE_TIMEOUT,
                "500ms"));

    assertThat(c.tokenTtl()).isEqualTo(Duration.ofHours(2));
    assertThat(c.adminTokenTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.writeTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "abc")))
        .hasMessage("VOLTSTREAM_API_PORT: expected an integer between 0 and 65535, got 'abc'");
  }

  @Test
  void shouldNameTheKeyOfAnInvalidValue() {
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "eighty")))
        .hasMessageContaining(ApiConfig.PORT);
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "70000")))
        .hasMessageContaining(ApiConfig.PORT);
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of(ApiConfig.JWT_SECRET, "short")))
        .hasMessageContaining(ApiConfig.JWT_SECRET)
        .hasMessageContaining("32");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of(ApiConfig.INFLUX_URL, "ftp://x")))
        .hasMessageContaining(ApiConfig.INFLUX_URL);
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of(ApiConfig.INFLUX_DB, "a;drop")))
        .hasMessageContaining(ApiConfig.INFLUX_DB);
    assertThatThrownBy(() -> ApiConfig.fromEnv(Map.of(ApiConfig.MAX_BODY_BYTES, "10")))
        .hasMessageContaining(ApiConfig.MAX_BODY_BYTES);
  }
}
