package io.voltstream.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiInstances;
import io.voltstream.api.ApiTestClient;
import io.voltstream.infra.junit.KafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two API instances on one Kafka: a token revoked on one is rejected by the other within a second.
 */
class RevocationITCase {
  private static final Logger LOG = LoggerFactory.getLogger(RevocationITCase.class);

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension(1);
  @TempDir static Path dirA;
  @TempDir static Path dirB;

  private static ApiApp.Running a;
  private static ApiApp.Running b;

  @BeforeAll
  static void start() {
    a = ApiInstances.startUnthrottled(KAFKA.bootstrapServers(), dirA);
    b = ApiInstances.startUnthrottled(KAFKA.bootstrapServers(), dirB);
  }

  @AfterAll
  static void stop() {
    ApiInstances.close(a, b);
  }

  @Test
  void shouldRejectARevokedTokenOnTheOtherInstanceWithinOneSecond() {
    ApiTestClient onA = new ApiTestClient(a.port());
    ApiTestClient onB = new ApiTestClient(b.port());
    String admin = ApiInstances.adminToken(a);
    JsonNode minted =
        onA.post("/api/v1/tokens/generate", admin, "{\"name\":\"roaming\",\"role\":\"viewer\"}")
            .json();
    String token = minted.get("token").asText();
    assertThat(onB.get("/api/v1/rooms", token).status()).isEqualTo(200);

    assertThat(
            onA.post(
                    "/api/v1/tokens/revoke",
                    admin,
                    "{\"id\":\"" + minted.get("id").asText() + "\"}")
                .status())
        .isEqualTo(200);
    long revokedAt = System.nanoTime();
    int status = 200;
    long deadline = revokedAt + Duration.ofSeconds(5).toNanos();
    while (status != 401 && System.nanoTime() < deadline) {
      status = onB.get("/api/v1/rooms", token).status();
    }
    Duration propagation = Duration.ofNanos(System.nanoTime() - revokedAt);
    LOG.info("revocation reached the other instance after {} ms", propagation.toMillis());

    assertThat(status).isEqualTo(401);
    assertThat(propagation).isLessThan(Duration.ofSeconds(1));
    assertThat(onA.get("/api/v1/rooms", token).status()).isEqualTo(401);
  }

  @Test
  void shouldListTokensIssuedByEitherInstanceOnBoth() {
    ApiTestClient onA = new ApiTestClient(a.port());
    ApiTestClient onB = new ApiTestClient(b.port());
    String admin = ApiInstances.adminToken(a);
    String id =
        onA.post(
                "/api/v1/tokens/generate",
                admin,
                "{\"name\":\"listed-everywhere\",\"role\":\"operator\"}")
            .json()
            .get("id")
            .asText();

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    boolean seen = false;
    while (!seen && System.nanoTime() < deadline) {
      seen = onB.get("/api/v1/tokens", admin).json().findValuesAsText("id").contains(id);
    }

    assertThat(seen).isTrue();
    assertThat(KAFKA.consume(TokenTopics.TOKENS.name(), 1, Duration.ofSeconds(5)))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.value()).doesNotContain("eyJ")); // metadata only, never a JWT
  }

  @Test
  void shouldKeepRevocationsAcrossARestart() {
    ApiTestClient onA = new ApiTestClient(a.port());
    String admin = ApiInstances.adminToken(a);
    JsonNode minted =
        onA.post("/api/v1/tokens/generate", admin, "{\"name\":\"gone\",\"role\":\"viewer\"}")
            .json();
    onA.post("/api/v1/tokens/revoke", admin, "{\"id\":\"" + minted.get("id").asText() + "\"}");

    try (ApiApp.Running fresh =
        ApiInstances.start(
            ApiInstances.env(KAFKA.bootstrapServers(), dirA.resolve("fresh"), Map.of()))) {
      var r = new ApiTestClient(fresh.port()).get("/api/v1/rooms", minted.get("token").asText());
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().get("detail").asText()).contains("revoked");
    }
  }
}
