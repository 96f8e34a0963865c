package io.voltstream.api.flexibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiInstances;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.live.WsTestClient;
import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.Json;
import io.voltstream.model.Topics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flexibility on the API's side, on real Kafka and InfluxDB: {@code GET
 * /api/v1/demand-response/flexibility/current} serves the newest fresh {@code flexibility} points
 * (as the flexibility job writes them) nested building → rooms → devices, filtered by parameters,
 * role and scope; {@code /rooms/{name}/data} carries the room's {@code down_now_kw} as {@code
 * flexibility_kw}; the {@code flexibility} WebSocket stream pushes Kafka {@code flexibility} to
 * admins and operators, not viewers.
 */
class FlexibilityApiITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension(1);
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();
  @TempDir static Path dataDir;

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String PATH = "/api/v1/demand-response/flexibility/current";

  private static ApiApp.Running api;
  private static ApiTestClient client;
  private static String admin;
  private static String db;
  private static Instant now;

  @BeforeAll
  static void start() {
    KAFKA.createStandardTopics(1);
    db = INFLUX.freshDatabase();
    api = ApiInstances.startUnthrottled(KAFKA.bootstrapServers(), dataDir, INFLUX.url(), db);
    client = new ApiTestClient(api.port());
    admin = ApiInstances.adminToken(api);
    assertThat(client.post("/api/v1/buildings", admin, "{\"id\":\"hq\",\"name\":\"HQ\"}").status())
        .isEqualTo(201);
    for (String room : List.of("kitchen", "lobby")) {
      assertThat(
              client
                  .post("/api/v1/rooms", admin, "{\"name\":\"" + room + "\",\"building\":\"hq\"}")
                  .status())
          .isEqualTo(201);
    }
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant fresh = now.minusSeconds(5);
    Instant earlier = now.minusSeconds(15);
    Instant stale = now.minus(Duration.ofMinutes(10));
    List<String> lines = new ArrayList<>();
    lines.add(point("building", "hq", null, fresh, 12.4, 6.5, 12.4, 4.35, 1500.0, null));
    lines.add(point("building", "hq", null, earlier, 1, 1, 1, 1, 1.0, null)); // older: not served
    lines.add(point("room", "kitchen", "kitchen", fresh, 0, 1.5, 0, 0.75, 1500.0, null));
    lines.add(point("room", "kitchen", "kitchen", stale, 0, 1.0, 0, 0.5, 1000.0, null));
    lines.add(point("device", "kitchen-hvac", "kitchen", fresh, 0, 1.5, 0, 0.75, 1500.0, "on"));
    lines.add(point("device", "old-heater", "lobby", stale, 0, 2, 0, 2, 2000.0, "on")); // stale
    INFLUX.write(db, String.join("\n", lines));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  private static String point(
      String scope,
      String id,
      String room,
      Instant at,
      double upNow,
      double downNow,
      double upHour,
      double downHour,
      Double powerW,
      String state) {
    var m = Schema.FLEXIBILITY;
    return LinePoint.of(m)
        .tag(m.building, "hq")
        .tag(m.scope, scope)
        .tag(m.id, id)
        .tag(m.room, room == null ? Schema.Flexibility.NO_ROOM : room)
        .field(m.upNowKw, upNow)
        .field(m.downNowKw, downNow)
        .field(m.upHourKw, upHour)
        .field(m.downHourKw, downHour)
        .field(m.powerW, powerW)
        .field(m.state, state)
        .time(at)
        .toLine();
  }

  private static String mint(String role, String permissions) {
    var r =
        client.post(
            "/api/v1/tokens/generate",
            admin,
            "{\"name\":\"flex\",\"role\":\"" + role + "\",\"permissions\":" + permissions + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("token").asText();
  }

  @Test
  void shouldServeTheLatestFreshFiguresOfBuildingsRoomsAndDevices() {
    var r = client.get(PATH, admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("fresh_within_s").asLong()).isEqualTo(120);
    assertThat(body.get("buildings")).hasSize(1);
    JsonNode hq = body.get("buildings").get(0);
    assertThat(hq.get("building").asText()).isEqualTo("hq");
    JsonNode total = hq.get("flexibility");
    assertThat(total.get("up_now_kw").asDouble()).isEqualTo(12.4);
    assertThat(total.get("down_now_kw").asDouble()).isEqualTo(6.5);
    assertThat(total.get("up_hour_kw").asDouble()).isEqualTo(12.4);
    assertThat(total.get("down_hour_kw").asDouble()).isEqualTo(4.35);
    assertThat(total.get("power_w").asDouble()).isEqualTo(1500.0);
    assertThat(Instant.parse(total.get("at").asText())).isEqualTo(now.minusSeconds(5));

    // lobby's only point is stale: it is not listed; kitchen's latest is the fresh one.
    assertThat(hq.get("rooms")).hasSize(1);
    JsonNode kitchen = hq.get("rooms").get(0);
    assertThat(kitchen.get("room").asText()).isEqualTo("kitchen");
    assertThat(kitchen.get("flexibility").get("down_now_kw").asDouble()).isEqualTo(1.5);
    assertThat(kitchen.get("flexibility").get("down_hour_kw").asDouble()).isEqualTo(0.75);
    assertThat(kitchen.get("devices")).hasSize(1);
    JsonNode hvac = kitchen.get("devices").get(0);
    assertThat(hvac.get("id").asText()).isEqualTo("kitchen-hvac");
    assertThat(hvac.get("flexibility").get("state").asText()).isEqualTo("on");
    assertThat(hvac.get("flexibility").get("power_w").asDouble()).isEqualTo(1500.0);
  }

  @Test
  void shouldFilterByRoomAndBuildingAndAnswerProblemsForBadOrUnknownNames() {
    JsonNode kitchenOnly = client.get(PATH + "?room=kitchen", admin).json();
    JsonNode hq = kitchenOnly.get("buildings").get(0);
    assertThat(hq.has("flexibility")).as("no building figures for a room filter").isFalse();
    assertThat(hq.get("rooms")).hasSize(1);

    assertThat(client.get(PATH + "?building=hq", admin).json().get("buildings")).hasSize(1);
    assertThat(client.get(PATH + "?room=lobby", admin).json().get("buildings")).isEmpty();

    var unknown = client.get(PATH + "?building=nowhere", admin);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    var bad =
        client.get(PATH + "?room=" + URLEncoder.encode("a b'", StandardCharsets.UTF_8), admin);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"room\"");
  }

  @Test
  void shouldLetAdminAndOperatorReadAndScopeTokensToWhatTheyCover() {
    assertThat(client.get(PATH, mint("operator", "[]")).status()).isEqualTo(200);
    assertThat(client.get(PATH, mint("viewer", "[]")).status()).isEqualTo(403);

    JsonNode roomScoped = client.get(PATH, mint("operator", "[\"room:kitchen\"]")).json();
    JsonNode hq = roomScoped.get("buildings").get(0);
    assertThat(hq.has("flexibility")).as("a room token gets no building figures").isFalse();
    assertThat(hq.get("rooms").get(0).get("room").asText()).isEqualTo("kitchen");
    assertThat(client.get(PATH, mint("operator", "[\"room:lobby\"]")).json().get("buildings"))
        .isEmpty();
  }

  @Test
  void shouldReportTheRoomsDownwardFlexibilityAsFlexibilityKwOfRoomData() {
    JsonNode kitchen = client.get("/api/v1/rooms/kitchen/data", admin).json();
    assertThat(kitchen.get("current").get("flexibility_kw").asDouble()).isEqualTo(1.5);
    List<Double> series = new ArrayList<>();
    kitchen.get("series").forEach(p -> series.add(p.get("flexibility_kw").asDouble()));
    // one-minute buckets: the stale point 10 min ago and the fresh one
    assertThat(series).containsExactly(1.0, 1.5);

    JsonNode lobby = client.get("/api/v1/rooms/lobby/data", admin).json();
    assertThat(lobby.get("current").get("flexibility_kw").isNull()).isTrue();
  }

  @Test
  void shouldPushKafkaFlexibilityToAdminsButNotToViewers() throws Exception {
    assertThat(api.server().feed().orElseThrow().awaitAssigned(WAIT)).isTrue();
    HttpClient http = HttpClient.newHttpClient();
    try (WsTestClient operator = socket(http, mint("operator", "[]"));
        WsTestClient viewer = socket(http, mint("viewer", "[]"));
        KafkaProducer<String, String> producer = KAFKA.producer()) {
      FlexibilityReport report =
          new FlexibilityReport(
              FlexibilityReport.Scope.ROOM,
              "kitchen",
              "hq",
              "kitchen",
              Instant.now(),
              0,
              1.5,
              0,
              0.75,
              1500.0,
              null);
      producer
          .send(
              new ProducerRecord<>(
                  Topics.FLEXIBILITY.name(), "hq", Json.MAPPER.writeValueAsString(report)))
          .get();
      JsonNode pushed = operator.awaitType("flexibility", WAIT);
      assertThat(pushed.get("scope").asText()).isEqualTo("ROOM");
      assertThat(pushed.get("id").asText()).isEqualTo("kitchen");
      assertThat(pushed.get("down_now_kw").asDouble()).isEqualTo(1.5);

      viewer.send("{\"action\":\"ping\"}"); // queued behind the report: the pong ends the check
      JsonNode next = viewer.await(n -> true, WAIT);
      assertThat(next.get("type").asText()).isEqualTo("pong");
    }
  }

  private static WsTestClient socket(HttpClient http, String token) {
    WsTestClient ws =
        new WsTestClient(
            http,
            URI.create(
                "ws://127.0.0.1:"
                    + api.port()
                    + "/ws?token="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8)));
    ws.awaitType("welcome", WAIT);
    ws.send("{\"action\":\"subscribe\",\"streams\":[\"flexibility\"]}");
    ws.awaitType("subscribed", WAIT);
    return ws;
  }
}
