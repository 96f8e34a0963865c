package io.voltstream.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.auth.Role;
import io.voltstream.api.auth.TokenService;
import io.voltstream.api.influx.InfluxReader;
import io.voltstream.api.query.QueryConfig;
import io.voltstream.influx.InfluxClient;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.Json;
import io.voltstream.model.RoomMetrics;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /ws} against a real Kafka broker: auth, subscriptions, fan-out from topics, cleanup. */
class LiveSocketITCase {

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  private static final Duration WAIT = Duration.ofSeconds(15);

  /** System time plus an offset the test can move forward (to expire tokens). */
  static final class ShiftableClock extends Clock {
    volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }

  private final ShiftableClock clock = new ShiftableClock();
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiDependencies deps;
  private ApiServer server;
  private Javalin app;
  private KafkaProducer<String, String> producer;

  @BeforeAll
  static void topics() {
    KAFKA.createStandardTopics(2);
  }

  @BeforeEach
  void start() throws Exception {
    ApiConfig config =
        ApiConfig.fromEnv(
            Map.of(ApiConfig.PORT, "0", ApiConfig.KAFKA_BOOTSTRAP, KAFKA.bootstrapServers()));
    deps = ApiDependencies.inMemory(config, clock);
    // Influx is not used by /ws; the client points nowhere on purpose.
    InfluxReader unused = new InfluxClient(URI.create("http://127.0.0.1:9"), "none")::query;
    server =
        new ApiServer(
            deps.withQueryConfig(QueryConfig.defaults())
                .withInflux(unused)
                .withLiveFeed(KAFKA.bootstrapServers()));
    app = server.app().start("127.0.0.1", 0);
    assertThat(server.feed().orElseThrow().awaitAssigned(WAIT)).isTrue();
    producer = KAFKA.producer();
  }

  @AfterEach
  void stop() {
    producer.close();
    app.stop();
    server.close();
  }

  private String token(Role role, List<String> permissions) {
    return deps.jwt().issue("t", role, permissions, Duration.ofHours(1)).token();
  }

  private URI ws(String query) {
    return URI.create("ws://127.0.0.1:" + app.port() + "/ws" + query);
  }

  private void publishReading(String sensor, String room, double powerW) throws Exception {
    SensorReading r =
        new SensorReading(
            sensor,
            Instant.now(),
            room,
            SensorType.POWER,
            null,
            powerW,
            null,
            null,
            null,
            null,
            null,
            Instant.now());
    producer
        .send(
            new ProducerRecord<>(Topics.READINGS.name(), sensor, Json.MAPPER.writeValueAsString(r)))
        .get();
  }

  @Test
  void shouldPushReadingsRoomMetricsAndEventsFromKafkaToMatchingSubscriptions() throws Exception {
    try (WsTestClient kitchen =
            new WsTestClient(http, ws("?token=" + token(Role.VIEWER, List.of())));
        WsTestClient office =
            new WsTestClient(http, ws("?token=" + token(Role.OPERATOR, List.of())))) {
      kitchen.awaitType("welcome", WAIT);
      office.awaitType("welcome", WAIT);
      kitchen.send(
          "{\"action\":\"subscribe\",\"rooms\":[\"kitchen\"],\"streams\":[\"readings\",\"room_metrics\"]}");
      office.send("{\"action\":\"subscribe\",\"rooms\":[\"office\"]}");
      kitchen.awaitType("subscribed", WAIT);
      office.awaitType("subscribed", WAIT);

      publishReading("office-meter", "office", 10);
      publishReading("kitchen-meter", "kitchen", 750);
      RoomMetrics m =
          new RoomMetrics(
              "kitchen",
              "default",
              Instant.now(),
              Instant.now().plusSeconds(60),
              0.2,
              700.0,
              900.0,
              640.0,
              21.0,
              40.0,
              0.0,
              5);
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ROOM_METRICS.name(), "kitchen", Json.MAPPER.writeValueAsString(m)))
          .get();

      JsonNode reading = kitchen.awaitType("reading", WAIT);
      assertThat(reading.path("sensor_id").asText()).isEqualTo("kitchen-meter");
      assertThat(reading.path("power_w").asDouble()).isEqualTo(750.0);
      assertThat(kitchen.awaitType("room_metrics", WAIT).path("power_avg_w").asDouble())
          .isEqualTo(700.0);
      assertThat(office.awaitType("reading", WAIT).path("sensor_id").asText())
          .isEqualTo("office-meter");
      assertThat(kitchen.messages).noneMatch(t -> t.contains("office-meter"));
    }
  }

  @Test
  void shouldPushForecastsFromKafkaOnlyToSessionsSubscribedToTheForecastStream() throws Exception {
    try (WsTestClient planner =
            new WsTestClient(http, ws("?token=" + token(Role.VIEWER, List.of())));
        WsTestClient defaults =
            new WsTestClient(http, ws("?token=" + token(Role.VIEWER, List.of())))) {
      planner.awaitType("welcome", WAIT);
      defaults.awaitType("welcome", WAIT);
      planner.send("{\"action\":\"subscribe\",\"streams\":[\"forecast\"]}");
      defaults.send("{\"action\":\"subscribe\"}");
      planner.awaitType("subscribed", WAIT);
      defaults.awaitType("subscribed", WAIT);

      String batch =
          "{\"building\":\"demo\",\"target\":\"generation\",\"model_id\":\"persistence_ensemble\","
              + "\"fallback\":true,\"fallback_reason\":\"model_missing\",\"issued_at\":\"2026-11-27T10:01:00Z\","
              + "\"origin\":\"2026-11-27T10:00:00Z\",\"values\":[{\"hour\":\"2026-11-27T10:00:00Z\",\"value_kwh\":0.4}]}";
      producer.send(new ProducerRecord<>(Topics.FORECASTS.name(), "demo", batch)).get();

      JsonNode forecast = planner.awaitType("forecast", WAIT);
      assertThat(forecast.path("building").asText()).isEqualTo("demo");
      assertThat(forecast.path("target").asText()).isEqualTo("generation");
      assertThat(forecast.path("fallback_reason").asText()).isEqualTo("model_missing");
      assertThat(forecast.at("/values/0/value_kwh").asDouble()).isEqualTo(0.4);
      // The forecast was broadcast before this reading; had it matched the default subscription it
      // would have been queued for that session, and pushed, before the reading.
      publishReading("after-forecast", "lab", 3);
      JsonNode next =
          defaults.await(
              n -> Set.of("forecast", "reading").contains(n.path("type").asText()), WAIT);
      assertThat(next.path("type").asText()).isEqualTo("reading");
      assertThat(next.path("sensor_id").asText()).isEqualTo("after-forecast");
    }
  }

  /**
   * A session on a quiet stream outlives Jetty's 30 s WebSocket idle timeout: the server pings it
   * every {@link LiveSocket#PING_INTERVAL} (before, the market stream's sessions were closed with
   * 1001 "Connection Idle Timeout" between two agent updates).
   */
  @Test
  void shouldKeepAQuietSessionOpenWithServerPings() throws Exception {
    try (WsTestClient quiet =
        new WsTestClient(http, ws("?token=" + token(Role.ADMIN, List.of())))) {
      quiet.awaitType("welcome", WAIT);
      quiet.send("{\"action\":\"subscribe\",\"streams\":[\"market\"]}");
      quiet.awaitType("subscribed", WAIT);
      boolean pinged =
          io.voltstream.infra.Waits.until(
              () -> quiet.pings.get() >= 4 || quiet.closed.isDone(),
              Duration.ofSeconds(60),
              Duration.ofMillis(200));
      assertThat(pinged).isTrue();
      assertThat(quiet.closed).as("closed with code %s", quiet.closed.getNow(null)).isNotDone();
      assertThat(quiet.pings.get()).isGreaterThanOrEqualTo(4); // ≥ 40 s without a text message
      quiet.send("{\"action\":\"ping\"}");
      quiet.awaitType("pong", WAIT);
    }
  }

  @Test
  void shouldAcceptATokenInTheFirstMessage() throws Exception {
    try (WsTestClient c = new WsTestClient(http, ws(""))) {
      c.send("{\"action\":\"auth\",\"token\":\"" + token(Role.VIEWER, List.of()) + "\"}");
      assertThat(c.awaitType("welcome", WAIT).path("subject").asText()).isEqualTo("t");
      c.send("{\"action\":\"subscribe\",\"sensors\":[\"s-first\"]}");
      c.awaitType("subscribed", WAIT);
      publishReading("s-first", "lab", 1);
      assertThat(c.awaitType("reading", WAIT).path("sensor_id").asText()).isEqualTo("s-first");
    }
  }

  /**
   * Design §8: a subscribe naming a stream this server does not push is answered with an {@code
   * error} (code {@code unknown_stream}, the known names in the message) and applies nothing of
   * that subscribe; the session stays open and a valid subscribe afterwards works.
   */
  @Test
  void shouldAnswerAnUnknownStreamWithAnErrorAndKeepTheSession() throws Exception {
    try (WsTestClient c = new WsTestClient(http, ws("?token=" + token(Role.VIEWER, List.of())))) {
      c.awaitType("welcome", WAIT);
      c.send("{\"action\":\"subscribe\",\"streams\":[\"readings\",\"weather\"]}");
      JsonNode error = c.awaitType("error", WAIT);
      assertThat(error.path("code").asText()).isEqualTo("unknown_stream");
      assertThat(error.path("message").asText())
          .contains("unknown stream 'weather'")
          .contains("readings")
          .contains("forecast");
      assertThat(server.hub().subscriptionCount()).isZero();

      c.send("{\"action\":\"subscribe\",\"streams\":[\"readings\"],\"sensors\":[\"s-after\"]}");
      assertThat(c.awaitType("subscribed", WAIT).path("streams").toString()).contains("readings");
      publishReading("s-after", "lab", 3);
      assertThat(c.awaitType("reading", WAIT).path("sensor_id").asText()).isEqualTo("s-after");
    }
  }

  @Test
  void shouldCloseSessionsWithBadExpiredOrRevokedTokens() throws Exception {
    try (WsTestClient bad = new WsTestClient(http, ws("?token=not.a.jwt"))) {
      assertThat(bad.awaitClose(WAIT)).isEqualTo(LiveHub.POLICY_VIOLATION);
    }
    try (WsTestClient wrongFirst = new WsTestClient(http, ws(""))) {
      wrongFirst.send("{\"action\":\"subscribe\"}");
      assertThat(wrongFirst.awaitClose(WAIT)).isEqualTo(LiveHub.POLICY_VIOLATION);
    }
    TokenService.Minted minted =
        deps.tokens().mint("r", Role.VIEWER, List.of(), Duration.ofHours(1), "test");
    deps.tokens().revoke(minted.token().id(), null, "test");
    try (WsTestClient revoked = new WsTestClient(http, ws("?token=" + minted.token().token()))) {
      assertThat(revoked.awaitClose(WAIT)).isEqualTo(LiveHub.POLICY_VIOLATION);
    }
    String shortLived =
        deps.jwt().issue("s", Role.VIEWER, List.of(), Duration.ofMinutes(1)).token();
    try (WsTestClient live = new WsTestClient(http, ws("?token=" + shortLived))) {
      live.awaitType("welcome", WAIT);
      clock.offset = Duration.ofMinutes(2);
      assertThat(live.awaitClose(WAIT))
          .as("session closed once its token expired")
          .isEqualTo(LiveHub.POLICY_VIOLATION);
      try (WsTestClient expired = new WsTestClient(http, ws("?token=" + shortLived))) {
        assertThat(expired.awaitClose(WAIT)).isEqualTo(LiveHub.POLICY_VIOLATION);
      }
    }
  }

  @Test
  void shouldOnlyPushRoomsAScopedTokenMayAccess() throws Exception {
    try (WsTestClient c =
        new WsTestClient(http, ws("?token=" + token(Role.VIEWER, List.of("room:kitchen"))))) {
      c.awaitType("welcome", WAIT);
      c.send("{\"action\":\"subscribe\"}");
      c.awaitType("subscribed", WAIT);
      publishReading("o-scoped", "office", 1);
      publishReading("k-scoped", "kitchen", 2);
      assertThat(c.awaitType("reading", WAIT).path("sensor_id").asText()).isEqualTo("k-scoped");
    }
  }

  @Test
  void shouldKeepServingFastClientsWhileASlowClientStopsReading() throws Exception {
    int sensors = 100;
    int rounds = 600;
    CompletableFuture<WebSocket> slowOpened = new CompletableFuture<>();
    AtomicInteger slowReceived = new AtomicInteger();
    WebSocket slow =
        http.newWebSocketBuilder()
            .buildAsync(
                ws("?token=" + token(Role.VIEWER, List.of())),
                new WebSocket.Listener() {
                  @Override
                  public void onOpen(WebSocket webSocket) {
                    webSocket.request(
                        2); // welcome + subscribed, then never asks for more: the client stops
                    // reading
                    slowOpened.complete(webSocket);
                  }

                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    slowReceived.incrementAndGet();
                    return null;
                  }
                })
            .join();
    try (WsTestClient fast =
        new WsTestClient(http, ws("?token=" + token(Role.VIEWER, List.of())))) {
      slow.sendText("{\"action\":\"subscribe\",\"rooms\":[\"flood\"]}", true).join();
      fast.awaitType("welcome", WAIT);
      fast.send("{\"action\":\"subscribe\",\"rooms\":[\"flood\"]}");
      fast.awaitType("subscribed", WAIT);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (server.hub().subscriptionCount() < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }

      for (int round = 0; round < rounds; round++) {
        for (int s = 0; s < sensors; s++) {
          SensorReading r =
              new SensorReading(
                  "flood-" + s,
                  Instant.now(),
                  "flood",
                  SensorType.POWER,
                  null,
                  (double) round,
                  null,
                  null,
                  null,
                  null,
                  null,
                  Instant.now());
          producer.send(
              new ProducerRecord<>(
                  Topics.READINGS.name(), r.sensorId(), Json.MAPPER.writeValueAsString(r)));
        }
      }
      producer.flush();

      // Newest value wins: the fast client must end with the last round of every sensor.
      Set<String> done = new java.util.HashSet<>();
      while (done.size() < sensors) {
        JsonNode m =
            fast.await(
                n ->
                    "reading".equals(n.path("type").asText())
                        && n.path("power_w").asDouble() == rounds - 1,
                Duration.ofSeconds(60));
        done.add(m.path("sensor_id").asText());
      }
      long published = (long) sensors * rounds;
      List<LiveSession> all = List.copyOf(server.hub().sessions());
      assertThat(all).hasSize(2);
      LiveSession slowSession =
          all.stream()
              .min(java.util.Comparator.comparingLong(LiveSession::sentTotal))
              .orElseThrow();
      assertThat(slowSession.sentTotal())
          .as("the slow client's socket filled up, so the server stopped sending to it")
          .isLessThan(published);
      assertThat(slowSession.pendingCount())
          .as("a stalled session holds at most one entry per key")
          .isLessThanOrEqualTo(sensors);
      assertThat(slowReceived.get()).isLessThanOrEqualTo(2);
    } finally {
      slow.abort();
    }
  }

  @Test
  void shouldLeaveNoSessionsSubscriptionsOrThreadsAfter200ConnectDisconnectCycles()
      throws Exception {
    LiveHub hub = server.hub();
    String token = token(Role.VIEWER, List.of());
    cycles(10, token);
    awaitEmpty(hub);
    Set<String> before = serverThreads();

    cycles(200, token);

    awaitEmpty(hub);
    long deadline = System.nanoTime() + WAIT.toNanos();
    Set<String> after = serverThreads();
    while (after.size() > before.size() + 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      after = serverThreads();
    }
    assertThat(hub.sessionCount()).isZero();
    assertThat(hub.subscriptionCount()).isZero();
    assertThat(after.size())
        .as("threads before %s, after %s", before, after)
        .isLessThanOrEqualTo(before.size() + 2);
    assertThat(after.stream().filter(n -> n.startsWith("voltstream-live")))
        .as("the hub's own threads (feed, timer, sender pool) do not grow with sessions")
        .containsExactlyInAnyOrderElementsOf(
            before.stream().filter(n -> n.startsWith("voltstream-live")).toList());
  }

  private void cycles(int n, String token) {
    for (int i = 0; i < n; i++) {
      try (WsTestClient c = new WsTestClient(http, ws("?token=" + token))) {
        c.awaitType("welcome", WAIT);
        c.send(
            "{\"action\":\"subscribe\",\"rooms\":[\"room-"
                + i
                + "\"],\"sensors\":[\"s-"
                + i
                + "\"]}");
        c.awaitType("subscribed", WAIT);
      }
    }
  }

  private static void awaitEmpty(LiveHub hub) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while ((hub.sessionCount() > 0 || hub.subscriptionCount() > 0)
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  /**
   * Live threads other than the test's own HTTP client pool (which idles out on its own schedule).
   */
  private static Set<String> serverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> !n.startsWith("HttpClient-"))
        .collect(Collectors.toSet());
  }
}
