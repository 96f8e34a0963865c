package io.voltstream.api.dr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiInstances;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.live.WsTestClient;
import io.voltstream.api.store.KafkaReplicatedMap;
import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.Topics;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demand-response invitations on real Kafka and InfluxDB: auto-answered at once from the latest
 * building flexibility point, the batteries' SoC and the policy; written to {@code dr-invitations}
 * before the 201; every bad input answered with problem JSON naming the field; the DR job's report
 * on {@code dr-status} shown by GET, the OpenADR report view, the summary and the {@code dr}
 * stream; a freshly started instance sees every invitation.
 *
 * <p>Fixture: {@code hq} (auto-answer on, 1.1 coverage, min 0.10 €/kWh; one 10 kWh / 5 kW battery
 * at 80 % SoC; a flexibility point of 4 kW now, 3 kW over the hour) and {@code annex} (auto-answer
 * on, no flexibility reported).
 */
class DemandResponseITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension(1);
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();
  @TempDir static Path dataDir;
  @TempDir static Path secondDataDir;

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String SEND = "/api/v1/demand-response/invitations/send";
  private static final String INVITATIONS = "/api/v1/demand-response/invitations";

  private static ApiApp.Running api;
  private static ApiTestClient client;
  private static String admin;
  private static String db;

  /** Whole hours ahead, so windows of different tests never overlap. */
  private static Instant base;

  @BeforeAll
  static void start() {
    db = INFLUX.freshDatabase();
    api = ApiInstances.startUnthrottled(KAFKA.bootstrapServers(), dataDir, INFLUX.url(), db);
    client = new ApiTestClient(api.port());
    admin = ApiInstances.adminToken(api);
    base = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2));
    for (String b : List.of("hq", "annex")) {
      created(
          client.post("/api/v1/buildings", admin, "{\"id\":\"" + b + "\",\"name\":\"" + b + "\"}"));
      var p =
          client.put(
              "/api/v1/demand-response/auto-answer/" + b,
              admin,
              "{\"auto_answer\":true,\"min_incentive_eur_per_kwh\":0.1,\"required_coverage\":1.1}");
      assertThat(p.status()).as(p.body()).isEqualTo(200);
    }
    created(
        client.post(
            "/api/v1/batteries",
            admin,
            "{\"id\":\"hq-battery\",\"building\":\"hq\",\"capacity_kwh\":10,\"max_charge_w\":5000,"
                + "\"max_discharge_w\":5000,\"round_trip_efficiency\":0.9,\"min_soc_percent\":5,"
                + "\"max_soc_percent\":95,\"reserve_percent\":10}"));
    writeFlexibility(Instant.now());
  }

  /** Fresh points: the building's flexibility and its battery's SoC (the policy's inputs). */
  private static void writeFlexibility(Instant at) {
    var f = Schema.FLEXIBILITY;
    INFLUX.write(
        db,
        LinePoint.of(f)
            .tag(f.building, "hq")
            .tag(f.scope, "building")
            .tag(f.id, "hq")
            .tag(f.room, "none")
            .field(f.upNowKw, 1.0)
            .field(f.downNowKw, 4.0)
            .field(f.upHourKw, 1.0)
            .field(f.downHourKw, 3.0)
            .time(at)
            .toLine());
    var s = Schema.BATTERY_STATE;
    INFLUX.write(
        db,
        LinePoint.of(s)
            .tag(s.batteryId, "hq-battery")
            .tag(s.building, "hq")
            .field(s.socPercent, 80.0)
            .field(s.powerW, 0.0)
            .time(at)
            .toLine());
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldAutoAcceptWhenTheFlexibilityPointCoversTheRequestAndWriteItToKafkaFirst() {
    writeFlexibility(Instant.now());
    Instant start = base;
    var r = client.post(SEND, admin, body("hq", start, 30, 2.0, 0.2));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode j = r.json();
    assertThat(j.get("answer").asText()).isEqualTo("opt_in");
    assertThat(j.get("status").asText()).isIn("far", "near");
    assertThat(j.get("answered_by").asText()).isEqualTo(DrInvitation.AUTO_ANSWER);
    // current: min(4, 3) = 3 kW; forecast: (80 − 10) % × 10 kWh × √0.9 = 6.64 kWh over 30 min,
    // capped at the 5 kW rating; both ≥ 2 × 1.1 = 2.2 kW
    assertThat(j.get("answer_reason").asText())
        .contains("current flexibility 3.00 kW (down now 4.00, over the hour 3.00)")
        .contains("forecast flexibility 5.00 kW (battery 5.00 kW + loads 0.00 kW")
        .contains("cover 2.20 kW needed");
    String id = j.get("id").asText();

    // the log of record has it (acks=all before the 201): a view opened now loads it
    DrInvitation logged;
    try (var log = KafkaReplicatedMap.open(KAFKA.bootstrapServers(), Topics.DR_INVITATIONS, WAIT)) {
      logged = log.get(id).orElseThrow();
    }
    assertThat(logged.answer()).isEqualTo(DrAnswer.OPT_IN);
    assertThat(logged.start()).isEqualTo(start);
    assertThat(logged.requestedKw()).isEqualTo(2.0);
    assertThat(logged.createdBy()).isEqualTo("admin");

    var got = client.get(INVITATIONS + "/" + id, admin).json();
    assertThat(got.get("end").asText()).isEqualTo(start.plus(Duration.ofMinutes(30)).toString());
    assertThat(got.get("requested_kw").asDouble()).isEqualTo(2.0);
    assertThat(got.get("delivered_kw").isNull()).isTrue();

    // an overlapping one for the same building is a conflict naming start
    var overlap =
        client.post(SEND, admin, body("hq", start.plus(Duration.ofMinutes(15)), 30, 1.0, 0.2));
    assertProblem(overlap, 409, "start");
  }

  @Test
  void shouldAutoDeclineWhenTheFlexibilityFallsShortOrIsMissing() {
    writeFlexibility(Instant.now());
    // 3 kW × 1.1 = 3.3 kW > the 3 kW held over the hour
    var r = client.post(SEND, admin, body("hq", base.plus(Duration.ofHours(1)), 30, 3.0, 0.2));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("answer").asText()).isEqualTo("opt_out");
    assertThat(r.json().get("answer_reason").asText())
        .isEqualTo(
            "current flexibility 3.00 kW (down now 4.00, over the hour 3.00) < 3.30 kW needed (3.00"
                + " kW × 1.10)");

    var annex = client.post(SEND, admin, body("annex", base, 30, 1.0, 0.2));
    assertThat(annex.status()).as(annex.body()).isEqualTo(201);
    assertThat(annex.json().get("answer").asText()).isEqualTo("opt_out");
    assertThat(annex.json().get("answer_reason").asText()).startsWith("no current flexibility");

    // below the minimum incentive
    var cheap = client.post(SEND, admin, body("hq", base.plus(Duration.ofHours(3)), 30, 1.0, 0.05));
    assertThat(cheap.json().get("answer").asText()).isEqualTo("opt_out");
    assertThat(cheap.json().get("answer_reason").asText()).contains("incentive 0.050 €/kWh below");

    // an opted-out invitation does not block the window: a new one may take it
    var again = client.post(SEND, admin, body("hq", base.plus(Duration.ofHours(1)), 30, 1.0, 0.2));
    assertThat(again.status()).as(again.body()).isEqualTo(201);
  }

  @Test
  void shouldAnswerEveryBadInputWithProblemJsonNamingTheField() {
    Instant ok = base.plus(Duration.ofHours(10));
    assertProblem(client.post(SEND, admin, body("attic", ok, 30, 1.0, 0.2)), 422, "building");
    assertProblem(
        client.post(SEND, admin, body("hq", Instant.now().minusSeconds(60), 30, 1.0, 0.2)),
        422,
        "start");
    assertProblem(client.post(SEND, admin, body("hq", ok, 30, -1.0, 0.2)), 400, "requested_kw");
    assertProblem(client.post(SEND, admin, body("hq", ok, 30, 0.0, 0.2)), 400, "requested_kw");
    assertProblem(client.post(SEND, admin, body("hq", ok, 0, 1.0, 0.2)), 400, "duration_minutes");
    assertProblem(
        client.post(SEND, admin, body("hq", ok, 1441, 1.0, 0.2)), 400, "duration_minutes");
    assertProblem(
        client.post(
            SEND,
            admin,
            "{\"building\":\"hq\",\"start\":\"soon\",\"duration_minutes\":30,\"requested_kw\":1}"),
        400,
        "start");
    assertProblem(
        client.post(INVITATIONS + "/nope/answer", admin, "{\"answer\":\"opt_in\"}"), 404, null);

    var annexToken =
        client
            .post(
                "/api/v1/tokens/generate",
                admin,
                "{\"name\":\"annex\",\"role\":\"admin\",\"permissions\":[\"building:annex\"]}")
            .json()
            .get("token")
            .asText();
    assertProblem(client.post(SEND, annexToken, body("hq", ok, 30, 1.0, 0.2)), 403, null);
    var operator =
        client
            .post("/api/v1/tokens/generate", admin, "{\"name\":\"op\",\"role\":\"operator\"}")
            .json()
            .get("token")
            .asText();
    assertProblem(client.post(SEND, operator, body("hq", ok, 30, 1.0, 0.2)), 403, null);
    assertThat(client.get(INVITATIONS, operator).status()).isEqualTo(200);
  }

  @Test
  void shouldAnswerAndCancelBeforeTheStartOnly() {
    Instant start = base.plus(Duration.ofHours(5));
    String id =
        client.post(SEND, admin, body("annex", start, 60, 1.0, 0.2)).json().get("id").asText();
    var in = client.post(INVITATIONS + "/" + id + "/answer", admin, "{\"answer\":\"opt_in\"}");
    assertThat(in.status()).as(in.body()).isEqualTo(200);
    assertThat(in.json().get("answer").asText()).isEqualTo("opt_in");
    assertThat(in.json().get("answered_by").asText()).isEqualTo("admin");
    assertProblem(
        client.post(INVITATIONS + "/" + id + "/answer", admin, "{\"answer\":\"maybe\"}"),
        400,
        "answer");

    var lists = client.get(INVITATIONS + "?answered=true&building=annex", admin).json();
    assertThat(lists.findValuesAsText("id")).contains(id);
    assertThat(client.get(INVITATIONS + "?answered=false", admin).json().findValuesAsText("id"))
        .doesNotContain(id);

    var cancel = client.post(INVITATIONS + "/" + id + "/cancel", admin, null);
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
    assertThat(cancel.json().get("status").asText()).isEqualTo("cancelled");
    assertProblem(client.post(INVITATIONS + "/" + id + "/cancel", admin, null), 409, null);
    assertProblem(
        client.post(INVITATIONS + "/" + id + "/answer", admin, "{\"answer\":\"opt_out\"}"),
        409,
        null);
    assertThat(client.get(INVITATIONS + "?status=cancelled", admin).json().findValuesAsText("id"))
        .contains(id);
    assertThat(client.get("/api/v1/demand-response/events", admin).json().findValuesAsText("id"))
        .doesNotContain(id);

    // once started, an answer is a conflict
    Instant soon = Instant.now().plusSeconds(2);
    String started =
        client.post(SEND, admin, body("annex", soon, 1, 1.0, 0.2)).json().get("id").asText();
    assertThat(Waits.until(() -> Instant.now().isAfter(soon), WAIT)).isTrue();
    assertProblem(
        client.post(INVITATIONS + "/" + started + "/answer", admin, "{\"answer\":\"opt_in\"}"),
        409,
        null);
  }

  @Test
  void shouldShowTheDrJobsReportInGetTheViewsTheSummaryAndTheDrStream() throws Exception {
    writeFlexibility(Instant.now());
    Instant start = base.plus(Duration.ofHours(7));
    var sent = client.post(SEND, admin, body("hq", start, 30, 2.0, 0.2));
    assertThat(sent.json().get("answer").asText()).as(sent.body()).isEqualTo("opt_in");
    String id = sent.json().get("id").asText();

    assertThat(api.server().feed().orElseThrow().awaitAssigned(WAIT)).isTrue();
    try (WsTestClient ws =
            new WsTestClient(
                HttpClient.newHttpClient(),
                URI.create(
                    "ws://127.0.0.1:"
                        + api.port()
                        + "/ws?token="
                        + URLEncoder.encode(admin, StandardCharsets.UTF_8)));
        var status = KafkaReplicatedMap.open(KAFKA.bootstrapServers(), Topics.DR_STATUS, WAIT)) {
      ws.awaitType("welcome", WAIT);
      ws.send("{\"action\":\"subscribe\",\"streams\":[\"dr\"]}");
      ws.awaitType("subscribed", WAIT);

      // what the DR job reports while the event runs
      status.put(
          id,
          new DrExecution(
              id,
              "hq",
              DrEventStatus.ACTIVE,
              start.plusSeconds(600),
              2.0,
              6.0,
              "10of10",
              null,
              3.6,
              2.4,
              1.2,
              0.4,
              0.08,
              List.of("hq-battery"),
              "battery discharging"));
      JsonNode pushed =
          ws.await(
              m ->
                  m.path("type").asText().equals("dr")
                      && m.path("kind").asText().equals("execution"),
              WAIT);
      assertThat(pushed.get("event_id").asText()).isEqualTo(id);
      assertThat(pushed.get("status").asText()).isEqualTo("active");
      assertThat(pushed.get("delivered_kw").asDouble()).isEqualTo(2.4);

      assertThat(
              Waits.until(
                  () ->
                      client
                          .get(INVITATIONS + "/" + id, admin)
                          .json()
                          .path("status")
                          .asText()
                          .equals("active"),
                  WAIT))
          .isTrue();
      JsonNode got = client.get(INVITATIONS + "/" + id, admin).json();
      assertThat(got.get("delivered_kw").asDouble()).isEqualTo(2.4);
      assertThat(got.get("baseline_kw").asDouble()).isEqualTo(6.0);
      assertThat(got.get("baseline_method").asText()).isEqualTo("10of10");
      assertThat(got.get("performance_ratio").asDouble()).isEqualTo(1.2);
      assertThat(got.get("benefit_eur").asDouble()).isEqualTo(0.08);
      assertThat(got.get("controlled").get(0).asText()).isEqualTo("hq-battery");

      JsonNode reports = client.get("/api/v1/demand-response/reports", admin).json();
      assertThat(reports.findValuesAsText("eventID")).contains(id);

      JsonNode summary =
          client
              .get("/api/v1/analytics/summary", admin)
              .json()
              .get("system_overview")
              .get("demand_response_service");
      assertThat(summary.get("active_events").asInt()).isEqualTo(1);
      assertThat(summary.get("flexibility_available_kw").asDouble()).isEqualTo(4.0);

      // an invitation change is pushed too
      var other = client.post(SEND, admin, body("annex", start, 30, 1.0, 0.2));
      JsonNode invitation =
          ws.await(
              m ->
                  m.path("kind").asText().equals("invitation")
                      && m.path("id").asText().equals(other.json().get("id").asText()),
              WAIT);
      assertThat(invitation.get("type").asText()).isEqualTo("dr");
      assertThat(invitation.get("building").asText()).isEqualTo("annex");
      assertThat(invitation.get("answer").asText()).isEqualTo("opt_out");
    }

    // a freshly started instance reads both logs from the beginning
    try (ApiApp.Running second =
        ApiInstances.start(
            ApiInstances.env(
                KAFKA.bootstrapServers(),
                secondDataDir,
                Map.of(ApiConfig.INFLUX_URL, INFLUX.url(), ApiConfig.INFLUX_DB, db)))) {
      ApiTestClient c2 = new ApiTestClient(second.port());
      JsonNode seen = c2.get(INVITATIONS + "/" + id, admin).json();
      assertThat(seen.get("answer").asText()).isEqualTo("opt_in");
      assertThat(seen.get("status").asText()).isEqualTo("active");
      assertThat(seen.get("delivered_kw").asDouble()).isEqualTo(2.4);
      assertThat(c2.get(INVITATIONS, admin).json().size())
          .isEqualTo(client.get(INVITATIONS, admin).json().size());
    }
  }

  private static String body(String building, Instant start, int minutes, double kw, double eur) {
    return "{\"building\":\""
        + building
        + "\",\"start\":\""
        + start
        + "\",\"duration_minutes\":"
        + minutes
        + ",\"requested_kw\":"
        + kw
        + ",\"incentive_eur_per_kwh\":"
        + eur
        + "}";
  }

  private static void assertProblem(ApiTestClient.Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(r.json().get("errors").findValuesAsText("field")).as(r.body()).contains(field);
    }
  }

  private static void created(ApiTestClient.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }
}
