package io.voltstream.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiInstances;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.TokenService;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorization holds while connected, on every API instance: two real API instances (two Javalin
 * servers, each with its own Kafka readers) on one real Kafka KRaft broker. A token revoked on
 * instance A closes its WebSocket sessions on A and on B within a second, and is refused over HTTP;
 * a token expiring closes its sessions on both within a second of its {@code exp}; other tokens'
 * sessions stay open; a tombstone on {@code token-revocations} un-revokes nothing, not even for an
 * instance started after it, and the topic (created here as an older release did) has the configs
 * that keep compaction from dropping a revocation.
 */
class LiveAuthorizationITCase {
  private static final Logger LOG = LoggerFactory.getLogger(LiveAuthorizationITCase.class);
  private static final Duration WITHIN = Duration.ofSeconds(1);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension(1);
  @TempDir static Path dirA;
  @TempDir static Path dirB;
  @TempDir static Path dirFresh;

  private static ApiApp.Running a;
  private static ApiApp.Running b;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    // token-revocations as an older release created it (compacted, no lag): the API must align it
    KAFKA.createCompactedTopic(Topics.TOKEN_REVOCATIONS.name());
    KAFKA.createStandardTopics(1);
    a = ApiInstances.startUnthrottled(KAFKA.bootstrapServers(), dirA);
    b = ApiInstances.startUnthrottled(KAFKA.bootstrapServers(), dirB);
  }

  @AfterAll
  static void stop() {
    ApiInstances.close(a, b);
  }

  @Test
  void shouldCloseTheSessionsOfARevokedTokenOnBothInstancesWithinOneSecond() throws Exception {
    ApiTestClient onA = new ApiTestClient(a.port());
    ApiTestClient onB = new ApiTestClient(b.port());
    String admin = ApiInstances.adminToken(a);
    JsonNode revoked = mint(onA, admin, "to-revoke", 3600);
    JsonNode kept = mint(onA, admin, "to-keep", 3600);

    try (WsTestClient revokedOnA = connect(a, revoked);
        WsTestClient revokedOnB = connect(b, revoked);
        WsTestClient keptOnA = connect(a, kept);
        WsTestClient keptOnB = connect(b, kept)) {
      Instant sent = Instant.now();
      var answer =
          onA.post(
              "/api/v1/tokens/revoke", admin, "{\"id\":\"" + revoked.get("id").asText() + "\"}");
      assertThat(answer.status()).isEqualTo(200);
      // refused at once on the instance that revoked it: no polling
      assertThat(onA.get("/api/v1/rooms", revoked.get("token").asText()).status()).isEqualTo(401);

      assertThat(revokedOnA.awaitClose(WAIT)).isEqualTo(1008);
      assertThat(revokedOnB.awaitClose(WAIT)).isEqualTo(1008);
      assertThat(closedAfter("the revoke request", sent, revokedOnA, revokedOnB))
          .allSatisfy(latency -> assertThat(latency).isLessThan(WITHIN));
      assertThat(List.of(revokedOnA.closeReason, revokedOnB.closeReason))
          .containsOnly("token has been revoked");
      // B closed the session once its view had the revocation, so B refuses it too by now
      assertThat(onB.get("/api/v1/rooms", revoked.get("token").asText()).status()).isEqualTo(401);

      assertStillOpen(keptOnA);
      assertStillOpen(keptOnB);
      assertThat(onB.get("/api/v1/rooms", kept.get("token").asText()).status()).isEqualTo(200);
    }
  }

  @Test
  void shouldCloseTheSessionsOfAnExpiringTokenOnBothInstancesWithinOneSecondOfExp()
      throws Exception {
    ApiTestClient onA = new ApiTestClient(a.port());
    String admin = ApiInstances.adminToken(a);
    // JWT times are whole seconds: this token expires 2 to 3 s from now
    JsonNode shortLived = mint(onA, admin, "short-lived", 3);
    JsonNode kept = mint(onA, admin, "long-lived", 3600);
    Instant exp = Instant.parse(shortLived.get("expires_at").asText());

    try (WsTestClient expiringOnA = connect(a, shortLived);
        WsTestClient expiringOnB = connect(b, shortLived);
        WsTestClient keptOnA = connect(a, kept);
        WsTestClient keptOnB = connect(b, kept)) {
      Duration untilExp = Duration.between(Instant.now(), exp);
      assertThat(expiringOnA.awaitClose(untilExp.plus(WAIT))).isEqualTo(1008);
      assertThat(expiringOnB.awaitClose(WAIT)).isEqualTo(1008);
      assertThat(closedAfter("exp", exp, expiringOnA, expiringOnB))
          .allSatisfy(
              late -> assertThat(late).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(WITHIN));
      assertThat(List.of(expiringOnA.closeReason, expiringOnB.closeReason))
          .containsOnly("token has expired");

      assertStillOpen(keptOnA);
      assertStillOpen(keptOnB);
    }
  }

  @Test
  void shouldKeepATokenRevokedAfterATombstoneOnEveryInstanceOldAndNew() throws Exception {
    ApiTestClient onA = new ApiTestClient(a.port());
    ApiTestClient onB = new ApiTestClient(b.port());
    String admin = ApiInstances.adminToken(a);
    JsonNode minted = mint(onA, admin, "stays-revoked", 3600);
    String id = minted.get("id").asText();
    String token = minted.get("token").asText();
    assertThat(onA.post("/api/v1/tokens/revoke", admin, "{\"id\":\"" + id + "\"}").status())
        .isEqualTo(200);
    long ignoredByA = a.dependencies().tokens().ignoredRevocationTombstones();
    long ignoredByB = b.dependencies().tokens().ignoredRevocationTombstones();

    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      producer
          .send(new ProducerRecord<>(Topics.TOKEN_REVOCATIONS.name(), id, null))
          .get(10, TimeUnit.SECONDS);
    }
    assertThat(
            Waits.until(
                () ->
                    a.dependencies().tokens().ignoredRevocationTombstones() > ignoredByA
                        && b.dependencies().tokens().ignoredRevocationTombstones() > ignoredByB,
                WAIT))
        .as("both instances read the tombstone")
        .isTrue();

    for (ApiTestClient api : List.of(onA, onB)) {
      var r = api.get("/api/v1/rooms", token);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().get("detail").asText()).contains("revoked");
    }
    try (WsTestClient ws = new WsTestClient(http, wsUri(b, token))) {
      assertThat(ws.awaitClose(WAIT)).isEqualTo(1008);
      assertThat(ws.closeReason).contains("revoked");
    }
    try (ApiApp.Running fresh =
        ApiInstances.start(ApiInstances.env(KAFKA.bootstrapServers(), dirFresh, Map.of()))) {
      assertThat(fresh.dependencies().tokens().ignoredRevocationTombstones()).isPositive();
      assertThat(new ApiTestClient(fresh.port()).get("/api/v1/rooms", token).status())
          .isEqualTo(401);
    }
    assertThat(revocationTopicConfig())
        .satisfies(
            c -> {
              assertThat(c.get("cleanup.policy").value()).isEqualTo("compact");
              assertThat(Long.parseLong(c.get("min.compaction.lag.ms").value()))
                  .isGreaterThanOrEqualTo(TokenService.MAX_TTL.toMillis());
              assertThat(c.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
            });
  }

  /** How long after {@code from} each session closed (logged: the measured latency). */
  private static List<Duration> closedAfter(
      String event, Instant from, WsTestClient onA, WsTestClient onB) {
    List<Duration> latencies =
        List.of(Duration.between(from, onA.closedAt), Duration.between(from, onB.closedAt));
    LOG.info(
        "sessions closed {} ms after {} on instance A, {} ms on instance B",
        latencies.get(0).toMillis(),
        event,
        latencies.get(1).toMillis());
    return latencies;
  }

  private static JsonNode mint(ApiTestClient api, String admin, String name, long expiresInS) {
    var r =
        api.post(
            "/api/v1/tokens/generate",
            admin,
            "{\"name\":\"" + name + "\",\"role\":\"viewer\",\"expires_in_s\":" + expiresInS + "}");
    assertThat(r.status()).isEqualTo(201);
    return r.json();
  }

  private WsTestClient connect(ApiApp.Running api, JsonNode minted) {
    WsTestClient c = new WsTestClient(http, wsUri(api, minted.get("token").asText()));
    c.awaitType("welcome", WAIT);
    return c;
  }

  private static URI wsUri(ApiApp.Running api, String token) {
    return URI.create("ws://127.0.0.1:" + api.port() + "/ws?token=" + token);
  }

  private static void assertStillOpen(WsTestClient c) {
    c.send("{\"action\":\"ping\"}");
    c.awaitType("pong", WAIT);
    assertThat(c.closed).isNotDone();
  }

  private static Config revocationTopicConfig() throws Exception {
    ConfigResource topic =
        new ConfigResource(ConfigResource.Type.TOPIC, Topics.TOKEN_REVOCATIONS.name());
    try (var admin = KAFKA.adminClient()) {
      return admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
    }
  }
}
