package io.voltstream.api.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiInstances;
import io.voltstream.api.ApiTestClient;
import io.voltstream.infra.junit.KafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Kafka gone, the API keeps serving reads from its view, answers writes 503 in time, and
 * reports it.
 */
class KafkaOutageITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension(1);
  @TempDir Path dataDir;

  private ApiApp.Running api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldServeReadsAndRefuseWritesWith503WhileKafkaIsDown() {
    api =
        ApiInstances.start(
            ApiInstances.env(
                KAFKA.bootstrapServers(),
                dataDir,
                Map.of(ApiConfig.WRITE_TIMEOUT, "2s", ApiConfig.RATE_LIMIT_RPS, "0")));
    ApiTestClient client = new ApiTestClient(api.port());
    String admin = ApiInstances.adminToken(api);
    assertThat(client.post("/api/v1/rooms", admin, "{\"name\":\"before-outage\"}").status())
        .isEqualTo(201);

    KAFKA.kafka().close();

    assertThat(client.get("/api/v1/rooms/before-outage", admin).status()).isEqualTo(200);
    long started = System.nanoTime();
    var write = client.post("/api/v1/rooms", admin, "{\"name\":\"during-outage\"}");
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(write.status()).as(write.body()).isEqualTo(503);
    assertThat(write.contentType()).startsWith("application/problem+json");
    assertThat(write.headers().firstValue("Retry-After")).isPresent();
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    var health = client.get("/health", null);
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.json().get("components").get("kafka").asText()).isEqualTo("down");
    assertThat(health.json().get("status").asText()).isEqualTo("down");
  }
}
