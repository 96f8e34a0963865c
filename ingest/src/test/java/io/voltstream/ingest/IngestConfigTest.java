package io.voltstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestConfigTest {

  @Test
  void shouldUseDocumentedDefaults() {
    IngestConfig config = IngestConfig.fromEnv(Map.of());

    assertThat(config.mqttHost()).isEqualTo("localhost");
    assertThat(config.mqttPort()).isEqualTo(1883);
    assertThat(config.mqttUsername()).isNull();
    assertThat(config.kafkaBootstrap()).isEqualTo("localhost:9092");
    assertThat(config.clientId()).isEqualTo("voltstream-ingest-1");
    assertThat(config.group()).isEqualTo("voltstream-ingest");
    assertThat(config.subscriptionFilter())
        .isEqualTo("$share/voltstream-ingest/sensors/+/readings");
    assertThat(config.subscriptionFilters())
        .contains(
            "$share/voltstream-ingest/batteries/+/state",
            "$share/voltstream-ingest/batteries/+/acks",
            "$share/voltstream-ingest/devices/+/acks");
    assertThat(config.commandBridge()).isTrue();
    assertThat(config.readingsTopic()).isEqualTo("readings");
    assertThat(config.deadLetterTopic()).isEqualTo("readings.dlq");
    assertThat(config.maxInFlight()).isEqualTo(1000);
    assertThat(config.sessionExpiry()).isEqualTo(Duration.ofDays(7));
    assertThat(config.kafkaLinger()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.kafkaCompression()).isEqualTo("lz4");
    assertThat(config.kafkaDeliveryTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.metricsLogInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldReadEveryVariable() {
    IngestConfig config =
        IngestConfig.fromEnv(
            Map.ofEntries(
                Map.entry("VOLTSTREAM_MQTT_URL", "tcp://broker.local:11883"),
                Map.entry("VOLTSTREAM_MQTT_USERNAME", "ingest"),
                Map.entry("VOLTSTREAM_MQTT_PASSWORD", "secret"),
                Map.entry("VOLTSTREAM_KAFKA_BOOTSTRAP", "k1:9092,k2:9092"),
                Map.entry("VOLTSTREAM_INGEST_CLIENT_ID", "ingest-a"),
                Map.entry("VOLTSTREAM_INGEST_GROUP", "grp"),
                Map.entry("VOLTSTREAM_INGEST_SHARED_SUBSCRIPTION", "false"),
                Map.entry("VOLTSTREAM_TOPIC_READINGS", "r"),
                Map.entry("VOLTSTREAM_TOPIC_READINGS_DLQ", "r.dlq"),
                Map.entry("VOLTSTREAM_INGEST_MAX_IN_FLIGHT", "64"),
                Map.entry("VOLTSTREAM_INGEST_SESSION_EXPIRY_S", "3600"),
                Map.entry("VOLTSTREAM_INGEST_KAFKA_LINGER_MS", "0"),
                Map.entry("VOLTSTREAM_INGEST_KAFKA_COMPRESSION", "ZSTD"),
                Map.entry("VOLTSTREAM_INGEST_KAFKA_DELIVERY_TIMEOUT_MS", "5000"),
                Map.entry("VOLTSTREAM_INGEST_METRICS_LOG_INTERVAL_S", "0")));

    assertThat(config)
        .isEqualTo(
            new IngestConfig(
                "broker.local",
                11883,
                "ingest",
                "secret",
                "k1:9092,k2:9092",
                "ingest-a",
                "grp",
                false,
                "r",
                "r.dlq",
                true,
                "voltstream-command-bridge",
                64,
                1,
                Duration.ofHours(1),
                Duration.ZERO,
                "zstd",
                Duration.ofSeconds(5),
                Duration.ZERO));
    assertThat(config.toString()).doesNotContain("secret");
    assertThat(config.subscriptionFilter()).isEqualTo("sensors/+/readings");
    assertThat(config.subscriptionFilters())
        .containsExactly(
            "sensors/+/readings", "batteries/+/state", "batteries/+/acks", "devices/+/acks");
  }

  @Test
  void shouldNameEverySessionAfterTheClientIdAndKeepTheFirstSessionsId() {
    IngestConfig config =
        IngestConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_INGEST_CLIENT_ID", "ingest-a", "VOLTSTREAM_INGEST_MQTT_SESSIONS", "3"));

    assertThat(config.mqttSessions()).isEqualTo(3);
    assertThat(config.sessionClientIds()).containsExactly("ingest-a", "ingest-a-s2", "ingest-a-s3");
    assertThat(IngestConfig.fromEnv(Map.of("VOLTSTREAM_INGEST_CLIENT_ID", "x")).sessionClientIds())
        .containsExactly("x");
  }

  @Test
  void shouldRefuseSeveralSessionsOnAPlainSubscriptionNamingBothSettings() {
    assertThatThrownBy(
            () ->
                IngestConfig.fromEnv(
                    Map.of(
                        "VOLTSTREAM_INGEST_MQTT_SESSIONS", "2",
                        "VOLTSTREAM_INGEST_SHARED_SUBSCRIPTION", "false")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VOLTSTREAM_INGEST_MQTT_SESSIONS")
        .hasMessageContaining("VOLTSTREAM_INGEST_SHARED_SUBSCRIPTION");
  }

  @Test
  void shouldReadDurationsInTheOneSyntaxUnderTheirNewNames() {
    IngestConfig config =
        IngestConfig.fromEnv(
            Map.of(
                "VOLTSTREAM_INGEST_SESSION_EXPIRY", "1h",
                "VOLTSTREAM_INGEST_KAFKA_LINGER", "20ms",
                "VOLTSTREAM_INGEST_KAFKA_DELIVERY_TIMEOUT", "5s",
                "VOLTSTREAM_INGEST_METRICS_LOG_INTERVAL", "0"));

    assertThat(config.sessionExpiry()).isEqualTo(Duration.ofHours(1));
    assertThat(config.kafkaLinger()).isEqualTo(Duration.ofMillis(20));
    assertThat(config.kafkaDeliveryTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.metricsLogInterval()).isEqualTo(Duration.ZERO);
    assertThatThrownBy(
            () -> IngestConfig.fromEnv(Map.of("VOLTSTREAM_INGEST_KAFKA_DELIVERY_TIMEOUT", "500ms")))
        .hasMessage(
            "VOLTSTREAM_INGEST_KAFKA_DELIVERY_TIMEOUT: expected a duration of at least 1s such as"
                + " 500ms, 30s, 5m, 1h or 2d, got '500ms'");
  }

  @Test
  void shouldDeriveTheClientIdFromTheHostName() {
    assertThat(IngestConfig.fromEnv(Map.of("HOSTNAME", "node-7")).clientId())
        .isEqualTo("voltstream-ingest-node-7");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "VOLTSTREAM_MQTT_URL|ssl://broker:8883",
        "VOLTSTREAM_MQTT_URL|tcp://:1883",
        "VOLTSTREAM_MQTT_URL|tcp://bro ker",
        "VOLTSTREAM_INGEST_CLIENT_ID|has space",
        "VOLTSTREAM_INGEST_GROUP|a/b",
        "VOLTSTREAM_INGEST_SHARED_SUBSCRIPTION|maybe",
        "VOLTSTREAM_TOPIC_READINGS|bad topic",
        "VOLTSTREAM_TOPIC_READINGS_DLQ|readings",
        "VOLTSTREAM_INGEST_MAX_IN_FLIGHT|0",
        "VOLTSTREAM_INGEST_MAX_IN_FLIGHT|70000",
        "VOLTSTREAM_INGEST_MAX_IN_FLIGHT|many",
        "VOLTSTREAM_INGEST_MQTT_SESSIONS|0",
        "VOLTSTREAM_INGEST_MQTT_SESSIONS|17",
        "VOLTSTREAM_INGEST_SESSION_EXPIRY_S|-1",
        "VOLTSTREAM_INGEST_SESSION_EXPIRY_S|4294967296",
        "VOLTSTREAM_INGEST_KAFKA_LINGER_MS|-5",
        "VOLTSTREAM_INGEST_KAFKA_COMPRESSION|brotli",
        "VOLTSTREAM_INGEST_KAFKA_DELIVERY_TIMEOUT_MS|10",
        "VOLTSTREAM_INGEST_METRICS_LOG_INTERVAL_S|-1"
      })
  void shouldRejectAnInvalidSettingNamingTheVariable(String key, String value) {
    assertThatThrownBy(() -> IngestConfig.fromEnv(Map.of(key, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key);
  }
}
