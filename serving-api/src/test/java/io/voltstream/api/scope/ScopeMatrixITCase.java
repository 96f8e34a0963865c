package io.voltstream.api.scope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiInstances;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.live.LiveHub;
import io.voltstream.api.live.LiveMessage;
import io.voltstream.api.live.LiveMessages;
import io.voltstream.api.live.LiveStreams;
import io.voltstream.api.live.WsTestClient;
import io.voltstream.api.route.RouteSpec;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.influx.LinePoint;
import io.voltstream.influx.Schema;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.Json;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.CommandStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource-scope matrix, like the role matrix of {@code AccessMatrixITCase}: EVERY route of the
 * production route table (real Kafka, real InfluxDB) × admin tokens scoped to a building, a room in
 * it, a sensor in that room, and another building, each answer checked against the expectation
 * written out below for that route. A route without an expectation here fails the test, so a new
 * route has to decide what scoped tokens get. The tokens are admins, so the role never denies: only
 * the scope does.
 *
 * <p>Fixture: building {@code hq} with rooms {@code kitchen} (sensor {@code kitchen-meter}) and
 * {@code lobby} ({@code lobby-meter}); building {@code annex} with room {@code lab} ({@code
 * lab-meter}).
 */
class ScopeMatrixITCase {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension(1);
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();
  @TempDir static Path dataDir;

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The scoped tokens, in the order of every expectation row. */
  private static final List<String> SCOPES =
      List.of("building:hq", "room:kitchen", "sensor:kitchen-meter", "building:annex");

  private static ApiApp.Running api;
  private static ApiTestClient client;
  private static String admin;
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();

  /**
   * What one scoped token gets from a route: an exact status (403 = denied), or a filtered list.
   */
  private record Expect(int status, Set<String> items) {
    static Expect allow(int status) {
      return new Expect(status, null);
    }

    static Expect filtered(String... items) {
      return new Expect(200, new TreeSet<>(List.of(items)));
    }
  }

  private static final Expect DENY = new Expect(403, null);

  /** A probe request and, per scope (in {@link #SCOPES} order), what it must answer. */
  private record Row(
      String path, String body, Function<JsonNode, Set<String>> items, List<Expect> expect) {}

  private static final Map<String, Row> MATRIX = new LinkedHashMap<>();

  /** Stands in the path for the id of a command to {@code hq-battery} issued at start. */
  private static final String HQ_COMMAND = "hq-command";

  private static String hqCommandId;

  /** Stand in the path for DR invitations of {@code hq} sent at start (one to cancel). */
  private static final String HQ_INVITATION = "hq-invitation";

  private static final String HQ_CANCELLABLE = "hq-cancellable";
  private static final Map<String, String> DR_IDS = new LinkedHashMap<>();

  /** Stands in the path for an order of {@code hq} placed at start. */
  private static final String HQ_ORDER = "hq-order";

  private static String hqOrderId;

  /** A delivery slot two hours ahead: its gate stays open during the test. */
  private static final Instant ORDER_SLOT =
      io.voltstream.energy.market.MarketSpec.slotOf(Instant.now().plus(Duration.ofHours(2)));

  /** DR events a day or more ahead, so they never start during the test. */
  private static final Instant DR_DAY =
      Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);

  private static void row(String route, String path, String body, Expect... expect) {
    rowFiltered(route, path, body, null, expect);
  }

  private static void rowFiltered(
      String route,
      String path,
      String body,
      Function<JsonNode, Set<String>> items,
      Expect... expect) {
    assertThat(expect).as(route).hasSize(SCOPES.size());
    MATRIX.put(route, new Row(path, body, items, List.of(expect)));
  }

  static {
    // columns:                                       building:hq       room:kitchen
    // sensor:kitchen-meter building:annex
    rowFiltered(
        "GET /api/v1/buildings",
        "/api/v1/buildings",
        null,
        field("id"),
        Expect.filtered("hq"),
        Expect.filtered("hq"),
        Expect.filtered("hq"),
        Expect.filtered("annex"));
    row(
        "POST /api/v1/buildings",
        "/api/v1/buildings",
        "{\"id\":\"hq\",\"name\":\"HQ\"}",
        Expect.allow(409),
        DENY,
        DENY,
        DENY);
    row(
        "GET /api/v1/buildings/{id}",
        "/api/v1/buildings/hq",
        null,
        Expect.allow(200),
        Expect.allow(200),
        Expect.allow(200),
        DENY);
    row(
        "PUT /api/v1/buildings/{id}",
        "/api/v1/buildings/hq",
        "{\"id\":\"hq\",\"name\":\"HQ\"}",
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "DELETE /api/v1/buildings/{id}",
        "/api/v1/buildings/hq",
        null,
        Expect.allow(409),
        DENY,
        DENY,
        DENY);

    rowFiltered(
        "GET /api/v1/rooms",
        "/api/v1/rooms",
        null,
        field("name"),
        Expect.filtered("kitchen", "lobby"),
        Expect.filtered("kitchen"),
        Expect.filtered("kitchen"),
        Expect.filtered("lab"));
    row(
        "POST /api/v1/rooms",
        "/api/v1/rooms",
        "{\"name\":\"kitchen\",\"building\":\"hq\"}",
        Expect.allow(409),
        Expect.allow(409),
        DENY,
        DENY);
    row(
        "GET /api/v1/rooms/{name}",
        "/api/v1/rooms/kitchen",
        null,
        Expect.allow(200),
        Expect.allow(200),
        Expect.allow(200),
        DENY);
    row(
        "PUT /api/v1/rooms/{name}",
        "/api/v1/rooms/kitchen",
        "{\"building\":\"hq\"}",
        Expect.allow(200),
        Expect.allow(200),
        DENY,
        DENY);
    row(
        "DELETE /api/v1/rooms/{name}",
        "/api/v1/rooms/kitchen",
        null,
        Expect.allow(409),
        Expect.allow(409),
        DENY,
        DENY);
    row(
        "GET /api/v1/rooms/{name}/data",
        "/api/v1/rooms/kitchen/data",
        null,
        Expect.allow(200),
        Expect.allow(200),
        DENY,
        DENY);

    rowFiltered(
        "GET /api/v1/sensors",
        "/api/v1/sensors",
        null,
        field("sensor_id"),
        Expect.filtered("kitchen-meter", "lobby-meter"),
        Expect.filtered("kitchen-meter"),
        Expect.filtered("kitchen-meter"),
        Expect.filtered("lab-meter"));
    row(
        "POST /api/v1/sensors",
        "/api/v1/sensors",
        "{\"sensor_id\":\"kitchen-meter\",\"room\":\"kitchen\",\"sensor_type\":\"power\"}",
        Expect.allow(409),
        Expect.allow(409),
        Expect.allow(409),
        DENY);
    row(
        "GET /api/v1/sensors/{id}",
        "/api/v1/sensors/kitchen-meter",
        null,
        Expect.allow(200),
        Expect.allow(200),
        Expect.allow(200),
        DENY);
    row(
        "PUT /api/v1/sensors/{id}",
        "/api/v1/sensors/kitchen-meter",
        "{\"room\":\"kitchen\",\"sensor_type\":\"power\"}",
        Expect.allow(200),
        Expect.allow(200),
        Expect.allow(200),
        DENY);
    row(
        "DELETE /api/v1/sensors/{id}",
        "/api/v1/sensors/kitchen-meter",
        null,
        Expect.allow(204),
        Expect.allow(204),
        Expect.allow(204),
        DENY);

    // broker accounts are platform-wide: no scoped token manages them, not even for its own
    // building's devices
    for (String item :
        List.of("/api/v1/sensors/{id}", "/api/v1/batteries/{id}", "/api/v1/iot/devices/{id}")) {
      String concrete =
          item.replace(
              "{id}",
              item.contains("sensors")
                  ? "kitchen-meter"
                  : item.contains("batteries") ? "hq-battery" : "kitchen-plugs");
      for (String method : List.of("POST", "DELETE")) {
        row(
            method + " " + item + "/mqtt-credentials",
            concrete + "/mqtt-credentials",
            null,
            DENY,
            DENY,
            DENY,
            DENY);
      }
    }

    rowFiltered(
        "GET /api/v1/analytics/summary",
        "/api/v1/analytics/summary",
        null,
        json ->
            Set.of(
                "buildings=" + json.get("total_buildings").asInt(),
                "rooms=" + json.get("total_rooms").asInt(),
                "sensors=" + json.get("total_sensors").asInt()),
        Expect.filtered("buildings=1", "rooms=2", "sensors=2"),
        Expect.filtered("buildings=1", "rooms=1", "sensors=1"),
        Expect.filtered("buildings=1", "rooms=1", "sensors=1"),
        Expect.filtered("buildings=1", "rooms=1", "sensors=1"));
    row(
        "POST /api/v1/data/query",
        "/api/v1/data/query",
        "{\"metrics\":[\"power_w\"],\"rooms\":[\"kitchen\"]}",
        Expect.allow(200),
        Expect.allow(200),
        DENY,
        DENY);
    row(
        "GET /api/v1/export",
        "/api/v1/export?sensor=kitchen-meter",
        null,
        Expect.allow(200),
        Expect.allow(200),
        Expect.allow(200),
        DENY);
    row(
        "GET /api/v1/events",
        "/api/v1/events?room=kitchen",
        null,
        Expect.allow(200),
        Expect.allow(200),
        DENY,
        DENY);
    // building-wide data: only a grant on the building itself (404: allowed, no forecast stored
    // yet)
    row(
        "GET /api/v1/forecast/consumption",
        "/api/v1/forecast/consumption?building=hq",
        null,
        Expect.allow(404),
        DENY,
        DENY,
        DENY);
    row(
        "GET /api/v1/forecast/generation",
        "/api/v1/forecast/generation?building=hq",
        null,
        Expect.allow(404),
        DENY,
        DENY,
        DENY);

    // batteries and their settings are building-wide: only a grant on the battery's building
    rowFiltered(
        "GET /api/v1/batteries",
        "/api/v1/batteries",
        null,
        ScopeMatrixITCase::topLevelIds,
        Expect.filtered("hq-battery"),
        Expect.filtered(),
        Expect.filtered(),
        Expect.filtered("annex-battery"));
    row(
        "POST /api/v1/batteries",
        "/api/v1/batteries",
        battery("hq-battery", "hq"),
        Expect.allow(409),
        DENY,
        DENY,
        DENY);
    row(
        "GET /api/v1/batteries/{id}",
        "/api/v1/batteries/hq-battery",
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "PUT /api/v1/batteries/{id}",
        "/api/v1/batteries/hq-battery",
        battery("hq-battery", "hq"),
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "DELETE /api/v1/batteries/{id}",
        "/api/v1/batteries/hq-battery",
        null,
        Expect.allow(204),
        DENY,
        DENY,
        DENY);
    row(
        "POST /api/v1/batteries/{id}/charge",
        "/api/v1/batteries/hq-battery/charge",
        "{\"power_w\":1000,\"duration_s\":60}",
        Expect.allow(202),
        DENY,
        DENY,
        DENY);
    row(
        "POST /api/v1/batteries/{id}/discharge",
        "/api/v1/batteries/hq-battery/discharge",
        "{\"power_w\":1000,\"duration_s\":60}",
        Expect.allow(202),
        DENY,
        DENY,
        DENY);
    rowFiltered(
        "GET /api/v1/batteries/analytics/summary",
        "/api/v1/batteries/analytics/summary",
        null,
        json -> Set.of("batteries=" + json.get("total_batteries").asInt()),
        Expect.filtered("batteries=1"),
        Expect.filtered("batteries=0"),
        Expect.filtered("batteries=0"),
        Expect.filtered("batteries=1"));
    row(
        "GET /api/v1/commands/{id}",
        "/api/v1/commands/" + HQ_COMMAND,
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "GET /api/v1/buildings/{id}/dispatch",
        "/api/v1/buildings/hq/dispatch",
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "PUT /api/v1/buildings/{id}/dispatch",
        "/api/v1/buildings/hq/dispatch",
        "{\"strategies\":[\"reserve\",\"self_consumption\"]}",
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "GET /api/v1/buildings/{id}/tariff",
        "/api/v1/buildings/hq/tariff",
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "PUT /api/v1/buildings/{id}/tariff",
        "/api/v1/buildings/hq/tariff",
        defaultTariffJson(),
        Expect.allow(200),
        DENY,
        DENY,
        DENY);

    // demand response is building-wide: only a grant on the invitation's building
    row(
        "POST /api/v1/demand-response/invitations/send",
        "/api/v1/demand-response/invitations/send",
        invitation("hq", DR_DAY.plus(Duration.ofDays(2))),
        Expect.allow(201),
        DENY,
        DENY,
        DENY);
    rowFiltered(
        "GET /api/v1/demand-response/invitations",
        "/api/v1/demand-response/invitations",
        null,
        field("building"),
        Expect.filtered("hq"),
        Expect.filtered(),
        Expect.filtered(),
        Expect.filtered("annex"));
    row(
        "GET /api/v1/demand-response/invitations/{id}",
        "/api/v1/demand-response/invitations/" + HQ_INVITATION,
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "POST /api/v1/demand-response/invitations/{id}/answer",
        "/api/v1/demand-response/invitations/" + HQ_INVITATION + "/answer",
        "{\"answer\":\"opt_out\"}",
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "POST /api/v1/demand-response/invitations/{id}/cancel",
        "/api/v1/demand-response/invitations/" + HQ_CANCELLABLE + "/cancel",
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "GET /api/v1/demand-response/auto-answer/{building}",
        "/api/v1/demand-response/auto-answer/hq",
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "PUT /api/v1/demand-response/auto-answer/{building}",
        "/api/v1/demand-response/auto-answer/hq",
        "{\"auto_answer\":false,\"min_incentive_eur_per_kwh\":0,\"required_coverage\":1.1}",
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    for (String view : List.of("programs", "events")) {
      rowFiltered(
          "GET /api/v1/demand-response/" + view,
          "/api/v1/demand-response/" + view,
          null,
          ScopeMatrixITCase::targetValues,
          Expect.filtered("hq"),
          Expect.filtered(),
          Expect.filtered(),
          Expect.filtered("annex"));
    }
    rowFiltered(
        "GET /api/v1/demand-response/reports",
        "/api/v1/demand-response/reports",
        null,
        field("clientName"),
        Expect.filtered("hq"),
        Expect.filtered(),
        Expect.filtered(),
        Expect.filtered("annex"));
    // IoT devices stand in rooms: a grant on the room or its building covers them
    rowFiltered(
        "GET /api/v1/iot/devices",
        "/api/v1/iot/devices",
        null,
        ScopeMatrixITCase::topLevelIds,
        Expect.filtered("kitchen-plugs", "lobby-fan"),
        Expect.filtered("kitchen-plugs"),
        Expect.filtered(),
        Expect.filtered("lab-plugs"));
    rowFiltered(
        "GET /api/v1/iot/devices/summary",
        "/api/v1/iot/devices/summary",
        null,
        json -> Set.of("devices=" + json.get("total_devices").asInt()),
        Expect.filtered("devices=2"),
        Expect.filtered("devices=1"),
        Expect.filtered("devices=0"),
        Expect.filtered("devices=1"));
    row(
        "POST /api/v1/iot/devices",
        "/api/v1/iot/devices",
        device("kitchen-plugs", "kitchen"),
        Expect.allow(409),
        Expect.allow(409),
        DENY,
        DENY);
    row(
        "GET /api/v1/iot/devices/{id}",
        "/api/v1/iot/devices/kitchen-plugs",
        null,
        Expect.allow(200),
        Expect.allow(200),
        DENY,
        DENY);
    row(
        "PUT /api/v1/iot/devices/{id}",
        "/api/v1/iot/devices/kitchen-plugs",
        device("kitchen-plugs", "kitchen"),
        Expect.allow(200),
        Expect.allow(200),
        DENY,
        DENY);
    row(
        "DELETE /api/v1/iot/devices/{id}",
        "/api/v1/iot/devices/kitchen-plugs",
        null,
        Expect.allow(204),
        Expect.allow(204),
        DENY,
        DENY);
    row(
        "POST /api/v1/iot/devices/{id}/instructions",
        "/api/v1/iot/devices/kitchen-plugs/instructions",
        "{\"action\":\"off\",\"duration_s\":60}",
        Expect.allow(202),
        Expect.allow(202),
        DENY,
        DENY);

    // automation rules are building-wide, like batteries: only a grant on the rule's building
    rowFiltered(
        "GET /api/v1/automation/rules",
        "/api/v1/automation/rules",
        null,
        ScopeMatrixITCase::topLevelIds,
        Expect.filtered("hq-rule"),
        Expect.filtered(),
        Expect.filtered(),
        Expect.filtered("annex-rule"));
    row(
        "POST /api/v1/automation/rules",
        "/api/v1/automation/rules",
        rule("hq-rule", "hq", "kitchen"),
        Expect.allow(409),
        DENY,
        DENY,
        DENY);
    row(
        "GET /api/v1/automation/rules/{id}",
        "/api/v1/automation/rules/hq-rule",
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "PUT /api/v1/automation/rules/{id}",
        "/api/v1/automation/rules/hq-rule",
        rule("hq-rule", "hq", "kitchen"),
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "DELETE /api/v1/automation/rules/{id}",
        "/api/v1/automation/rules/hq-rule",
        null,
        Expect.allow(204),
        DENY,
        DENY,
        DENY);
    row(
        "POST /api/v1/automation/rules/{id}/enable",
        "/api/v1/automation/rules/hq-rule/enable",
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "POST /api/v1/automation/rules/{id}/disable",
        "/api/v1/automation/rules/hq-rule/disable",
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);

    // the P2P market is building-wide: orders, trades (as buyer or seller) and settlements of
    // covered buildings; a market's status and spec for tokens covering a member; configuring a
    // market concerns every member, so only unscoped tokens may
    row(
        "POST /api/v1/p2p/transactions",
        "/api/v1/p2p/transactions",
        order("hq"),
        Expect.allow(202),
        DENY,
        DENY,
        DENY);
    rowFiltered(
        "GET /api/v1/p2p/orders",
        "/api/v1/p2p/orders",
        null,
        field("building"),
        Expect.filtered("hq"),
        Expect.filtered(),
        Expect.filtered(),
        Expect.filtered("annex"));
    row(
        "GET /api/v1/p2p/orders/{id}",
        "/api/v1/p2p/orders/" + HQ_ORDER,
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "POST /api/v1/p2p/orders/{id}/cancel",
        "/api/v1/p2p/orders/" + HQ_ORDER + "/cancel",
        null,
        Expect.allow(202),
        DENY,
        DENY,
        DENY);
    rowFiltered(
        "GET /api/v1/p2p/market/status",
        "/api/v1/p2p/market/status",
        null,
        json -> new TreeSet<>(json.get("participants").get("buildings").findValuesAsText("id")),
        Expect.filtered("hq"),
        DENY,
        DENY,
        Expect.filtered("annex"));
    rowFiltered(
        "GET /api/v1/p2p/trades",
        "/api/v1/p2p/trades",
        null,
        ScopeMatrixITCase::topLevelIds,
        Expect.filtered("trade-hq"),
        Expect.filtered(),
        Expect.filtered(),
        Expect.filtered("trade-annex"));
    rowFiltered(
        "GET /api/v1/p2p/settlements",
        "/api/v1/p2p/settlements",
        null,
        field("building"),
        Expect.filtered("hq"),
        Expect.filtered(),
        Expect.filtered(),
        Expect.filtered("annex"));
    rowFiltered(
        "GET /api/v1/p2p/markets",
        "/api/v1/p2p/markets",
        null,
        ScopeMatrixITCase::topLevelIds,
        Expect.filtered("community"),
        Expect.filtered(),
        Expect.filtered(),
        Expect.filtered("community"));
    row(
        "PUT /api/v1/p2p/markets/{id}",
        "/api/v1/p2p/markets/community",
        "{\"mode\":\"pay_as_clear\",\"gate_closure_seconds\":300}",
        DENY,
        DENY,
        DENY,
        DENY);
    // financial analytics: a building's figures need the building, a room's the room
    row(
        "GET /api/v1/analytics/financial",
        "/api/v1/analytics/financial?building=hq",
        null,
        Expect.allow(200),
        DENY,
        DENY,
        DENY);
    row(
        "GET /api/v1/analytics/financial/export",
        "/api/v1/analytics/financial/export?building=hq&room=kitchen",
        null,
        Expect.allow(200),
        Expect.allow(200),
        DENY,
        DENY);

    // managing access: a scoped token could mint itself a wider one, so none may
    row(
        "POST /api/v1/tokens/generate",
        "/api/v1/tokens/generate",
        "{\"name\":\"x\",\"role\":\"admin\"}",
        DENY,
        DENY,
        DENY,
        DENY);
    row(
        "POST /api/v1/tokens/validate",
        "/api/v1/tokens/validate",
        "{\"token\":\"x\"}",
        DENY,
        DENY,
        DENY,
        DENY);
    row("GET /api/v1/tokens", "/api/v1/tokens", null, DENY, DENY, DENY, DENY);
    row(
        "POST /api/v1/tokens/revoke",
        "/api/v1/tokens/revoke",
        "{\"id\":\"x\"}",
        DENY,
        DENY,
        DENY,
        DENY);

    // platform-wide figures: unscoped tokens only
    row("GET /api/v1/health", "/api/v1/health", null, DENY, DENY, DENY, DENY);

    // public routes: the same for every token (not resource-specific)
    row(
        "GET /health",
        "/health",
        null,
        Expect.allow(200),
        Expect.allow(200),
        Expect.allow(200),
        Expect.allow(200));
    row(
        "GET /openapi.json",
        "/openapi.json",
        null,
        Expect.allow(200),
        Expect.allow(200),
        Expect.allow(200),
        Expect.allow(200));
    row(
        "GET /docs",
        "/docs",
        null,
        Expect.allow(200),
        Expect.allow(200),
        Expect.allow(200),
        Expect.allow(200));

    // the WebSocket, subscribed to every room: the live messages each token receives (see
    // shouldFilterLiveMessages)
    rowFiltered(
        "WS /ws",
        "/ws",
        null,
        null,
        Expect.filtered(
            "reading:kitchen-meter",
            "reading:lobby-meter",
            "room_metrics:kitchen",
            "forecast:hq",
            "battery:hq-battery",
            "command:hq-battery",
            "dr:hq",
            "flexibility:building:hq",
            "flexibility:room:kitchen",
            "market:trade:hq",
            "market:clearing:community",
            "market:order:hq",
            "market:settlement:hq"),
        Expect.filtered(
            "reading:kitchen-meter", "room_metrics:kitchen", "flexibility:room:kitchen"),
        Expect.filtered("reading:kitchen-meter"),
        Expect.filtered(
            "reading:lab-meter",
            "room_metrics:lab",
            "forecast:annex",
            "battery:annex-battery",
            "command:annex-battery",
            "dr:annex",
            "flexibility:building:annex",
            "flexibility:room:lab",
            "market:trade:annex",
            "market:clearing:community",
            "market:order:annex",
            "market:settlement:annex"));

    // flexibility: building figures need the building, room and device figures their room
    rowFiltered(
        "GET /api/v1/demand-response/flexibility/current",
        "/api/v1/demand-response/flexibility/current",
        null,
        ScopeMatrixITCase::flexibilityItems,
        Expect.filtered("building:hq", "room:kitchen", "device:kitchen-hvac"),
        Expect.filtered("room:kitchen", "device:kitchen-hvac"),
        Expect.filtered(),
        Expect.filtered("building:annex", "room:lab"));
  }

  @BeforeAll
  static void start() {
    String db = INFLUX.freshDatabase();
    api = ApiInstances.startUnthrottled(KAFKA.bootstrapServers(), dataDir, INFLUX.url(), db);
    client = new ApiTestClient(api.port());
    admin = ApiInstances.adminToken(api);
    seed();
    seedFlexibility(db);
    var issued =
        client.post(
            "/api/v1/batteries/hq-battery/charge", admin, "{\"power_w\":500,\"duration_s\":60}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(202);
    hqCommandId = issued.json().get("command_id").asText();
    hqOrderId = placeOrder("hq");
    placeOrder("annex");
    seedMarket(db);
    DR_IDS.put(HQ_INVITATION, sendInvitation("hq", DR_DAY));
    DR_IDS.put(HQ_CANCELLABLE, sendInvitation("hq", DR_DAY.plus(Duration.ofDays(1))));
    String annexInvitation = sendInvitation("annex", DR_DAY);
    // the DR job's reports on one event per building (dr-status is the job's topic)
    try (var status =
        io.voltstream.api.store.KafkaReplicatedMap.open(
            KAFKA.bootstrapServers(), io.voltstream.model.Topics.DR_STATUS, WAIT)) {
      for (String[] e :
          new String[][] {{DR_IDS.get(HQ_INVITATION), "hq"}, {annexInvitation, "annex"}}) {
        status.put(
            e[0],
            new io.voltstream.model.dr.DrExecution(
                e[0],
                e[1],
                io.voltstream.model.dr.DrEventStatus.ACTIVE,
                DR_DAY.plusSeconds(60),
                1.0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                "probe"));
      }
    }
    assertThat(
            io.voltstream.infra.Waits.until(
                () -> client.get("/api/v1/demand-response/reports", admin).json().size() == 2,
                WAIT))
        .as("the API's view of dr-status shows the two reports")
        .isTrue();
    for (String scope : SCOPES) {
      var r =
          client.post(
              "/api/v1/tokens/generate",
              admin,
              "{\"name\":\"scoped\",\"role\":\"admin\",\"permissions\":[\"" + scope + "\"]}");
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      TOKENS.put(scope, r.json().get("token").asText());
    }
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void shouldDeclareAScopeExpectationForEveryRoute() {
    List<String> routes = routes().stream().map(s -> s.method() + " " + s.path()).toList();
    assertThat(MATRIX.keySet())
        .as("routes of the table without a scope expectation here, or rows without a route")
        .containsExactlyInAnyOrderElementsOf(routes);
  }

  @Test
  void shouldApplyTheScopeRuleOnEveryHttpRoute() {
    SoftAssertions soft = new SoftAssertions();
    for (RouteSpec s : routes()) {
      if (s.isWebSocket()) {
        continue;
      }
      Row row = MATRIX.get(s.method() + " " + s.path());
      if (row == null) {
        continue; // reported by shouldDeclareAScopeExpectationForEveryRoute
      }
      for (int i = 0; i < SCOPES.size(); i++) {
        String scope = SCOPES.get(i);
        Expect expect = row.expect().get(i);
        ApiTestClient.Response r =
            client.send(
                s.method(),
                row.path()
                    .replace(HQ_COMMAND, hqCommandId)
                    .replace(HQ_ORDER, hqOrderId)
                    .replace(HQ_CANCELLABLE, DR_IDS.get(HQ_CANCELLABLE))
                    .replace(HQ_INVITATION, DR_IDS.get(HQ_INVITATION)),
                TOKENS.get(scope),
                row.body() == null ? null : "application/json",
                row.body());
        String what = s.method() + " " + row.path() + " as " + scope + ": " + r.body();
        soft.assertThat(r.status()).as(what).isEqualTo(expect.status());
        if (expect.items() != null && r.status() == 200) {
          soft.assertThat(new TreeSet<>(row.items().apply(r.json())))
              .as(what)
              .isEqualTo(expect.items());
        }
        if (!s.method().equals("GET")) {
          seed(); // an allowed write (e.g. deleting the sensor) must not change what the next probe
          // sees
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void shouldFilterLiveMessagesToEachTokensScope() {
    Row row = MATRIX.get("WS /ws");
    LiveHub hub = api.server().hub();
    LiveMessages messages =
        new LiveMessages(
            id -> api.dependencies().registry().sensor(id).map(Sensor::room),
            id -> api.dependencies().registry().battery(id).map(BatterySpec::building),
            market ->
                api.dependencies().registry().membersOf(market).stream()
                    .map(io.voltstream.model.Building::id)
                    .collect(java.util.stream.Collectors.toSet()),
            java.time.Clock.systemUTC());
    HttpClient http = HttpClient.newHttpClient();
    List<WsTestClient> sockets = new ArrayList<>();
    try {
      for (String scope : SCOPES) {
        WsTestClient ws =
            new WsTestClient(
                http,
                URI.create(
                    "ws://127.0.0.1:"
                        + api.port()
                        + "/ws?token="
                        + URLEncoder.encode(TOKENS.get(scope), StandardCharsets.UTF_8)));
        sockets.add(ws);
        ws.awaitType("welcome", WAIT);
        ws.send(
            "{\"action\":\"subscribe\",\"streams\":[\"readings\",\"room_metrics\",\"forecast\",\"batteries\",\"commands\",\"dr\",\"flexibility\",\"market\"]}");
        ws.awaitType("subscribed", WAIT);
      }
      Instant now = Instant.now();
      for (String[] sensor :
          new String[][] {
            {"kitchen-meter", "kitchen"}, {"lobby-meter", "lobby"}, {"lab-meter", "lab"}
          }) {
        hub.broadcast(
            messages.reading(
                new SensorReading(
                    sensor[0],
                    now,
                    sensor[1],
                    SensorType.POWER,
                    null,
                    100.0,
                    null,
                    null,
                    null,
                    null,
                    null,
                    now)));
      }
      for (String room : List.of("kitchen", "lab")) {
        hub.broadcast(
            new LiveMessage(
                LiveStreams.ROOM_METRICS,
                "room_metrics:" + room,
                room,
                null,
                "{\"type\":\"room_metrics\",\"room\":\"" + room + "\"}"));
      }
      for (String building : List.of("hq", "annex")) {
        hub.broadcast(
            messages.forecast(
                Json.MAPPER
                    .createObjectNode()
                    .put("building", building)
                    .put("target", "consumption")
                    .set("values", Json.MAPPER.createArrayNode())));
      }
      for (String[] battery : new String[][] {{"hq-battery", "hq"}, {"annex-battery", "annex"}}) {
        hub.broadcast(
            messages.battery(
                new BatteryTelemetry(
                    battery[0], now, 50, 1000, 10.0, 5000.0, 5000.0, 99.0, "charge", null, now)));
        hub.broadcast(
            messages.command(
                CommandStatus.pending(
                    Command.battery(
                        "cmd-" + battery[0],
                        battery[0],
                        battery[1],
                        new BatterySetpoint(BatteryMode.CHARGE, 1000),
                        now,
                        Duration.ofMinutes(1),
                        CommandSource.MANUAL,
                        "t"))));
      }
      for (String building : List.of("hq", "annex")) {
        hub.broadcast(
            messages.drInvitation(
                new io.voltstream.model.dr.DrInvitation(
                    "dr-" + building,
                    null,
                    building,
                    now.plusSeconds(3600),
                    30,
                    1.0,
                    0.1,
                    null,
                    null,
                    null,
                    null,
                    null,
                    now,
                    "t")));
      }
      for (String[] flex :
          new String[][] {
            {"BUILDING", "hq", "hq", null},
            {"ROOM", "kitchen", "hq", "kitchen"},
            {"BUILDING", "annex", "annex", null},
            {"ROOM", "lab", "annex", "lab"}
          }) {
        hub.broadcast(
            messages.flexibility(
                new FlexibilityReport(
                    FlexibilityReport.Scope.valueOf(flex[0]),
                    flex[1],
                    flex[2],
                    flex[3],
                    now,
                    1,
                    1,
                    1,
                    1,
                    null,
                    null)));
      }
      broadcastMarket(hub, messages, now);
      SoftAssertions soft = new SoftAssertions();
      for (int i = 0; i < SCOPES.size(); i++) {
        WsTestClient ws = sockets.get(i);
        ws.send(
            "{\"action\":\"ping\"}"); // queued behind everything broadcast above: the pong ends the
        // delivery
        Set<String> received = new TreeSet<>();
        while (true) {
          JsonNode m = ws.await(n -> true, WAIT);
          String type = m.path("type").asText();
          if (type.equals("pong")) {
            break;
          }
          received.add(
              switch (type) {
                case "reading" -> "reading:" + m.path("sensor_id").asText();
                case "room_metrics" -> "room_metrics:" + m.path("room").asText();
                case "forecast" -> "forecast:" + m.path("building").asText();
                case "battery" -> "battery:" + m.path("battery_id").asText();
                case "command" -> "command:" + m.path("target").asText();
                case "dr" -> "dr:" + m.path("building").asText();
                case "market" ->
                    "market:"
                        + m.path("kind").asText()
                        + ":"
                        + switch (m.path("kind").asText()) {
                          case "trade" -> m.path("buyer").asText();
                          case "clearing" -> m.path("market").asText();
                          default -> m.path("building").asText();
                        };
                case "flexibility" ->
                    "flexibility:"
                        + m.path("scope").asText().toLowerCase(java.util.Locale.ROOT)
                        + ":"
                        + m.path("id").asText();
                default -> type;
              });
        }
        soft.assertThat(received)
            .as("/ws as %s", SCOPES.get(i))
            .isEqualTo(row.expect().get(i).items());
      }
      soft.assertAll();
    } finally {
      sockets.forEach(WsTestClient::close);
    }
  }

  private static List<RouteSpec> routes() {
    return api.server().routeTable().specs();
  }

  /**
   * The {@code id} of each element of a list (not the ids nested in them, such as a last
   * command's).
   */
  private static Set<String> topLevelIds(JsonNode list) {
    Set<String> ids = new TreeSet<>();
    list.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  /**
   * {@code building:<id>}, {@code room:<name>}, {@code device:<id>} of every level with figures.
   */
  private static Set<String> flexibilityItems(JsonNode answer) {
    Set<String> items = new TreeSet<>();
    for (JsonNode b : answer.get("buildings")) {
      if (b.has("flexibility")) {
        items.add("building:" + b.get("building").asText());
      }
      for (JsonNode r : b.get("rooms")) {
        if (r.has("flexibility")) {
          items.add("room:" + r.get("room").asText());
        }
        r.get("devices").forEach(d -> items.add("device:" + d.get("id").asText()));
      }
    }
    return items;
  }

  /** Fresh flexibility points as the flexibility job writes them, for both buildings. */
  private static void seedFlexibility(String db) {
    var m = Schema.FLEXIBILITY;
    Instant at = Instant.now().minusSeconds(5);
    List<String> lines = new ArrayList<>();
    for (String[] p :
        new String[][] {
          {"hq", "building", "hq", Schema.Flexibility.NO_ROOM},
          {"hq", "room", "kitchen", "kitchen"},
          {"hq", "device", "kitchen-hvac", "kitchen"},
          {"annex", "building", "annex", Schema.Flexibility.NO_ROOM},
          {"annex", "room", "lab", "lab"}
        }) {
      lines.add(
          LinePoint.of(m)
              .tag(m.building, p[0])
              .tag(m.scope, p[1])
              .tag(m.id, p[2])
              .tag(m.room, p[3])
              .field(m.upNowKw, 1.0)
              .field(m.downNowKw, 2.0)
              .field(m.upHourKw, 1.0)
              .field(m.downHourKw, 2.0)
              .time(at)
              .toLine());
    }
    INFLUX.write(db, String.join("\n", lines));
  }

  /**
   * Per building: a trade it buys in (from a building outside the fixture), its order and its
   * settlement; and the community market's clearing (hq and annex are its members).
   */
  private static void broadcastMarket(LiveHub hub, LiveMessages messages, Instant now) {
    var pac = io.voltstream.energy.market.MarketMode.PAY_AS_CLEAR;
    for (String b : List.of("hq", "annex")) {
      hub.broadcast(
          messages.trade(
              new io.voltstream.model.market.MarketTrade(
                  "trade-" + b,
                  "community",
                  ORDER_SLOT,
                  "bid-" + b,
                  "offer-west",
                  b,
                  "west",
                  1.0,
                  0.2,
                  pac,
                  now)));
      hub.broadcast(
          messages.order(
              new io.voltstream.model.market.OrderUpdate(
                  "order-" + b,
                  "community",
                  b,
                  io.voltstream.energy.market.OrderSide.BUY,
                  ORDER_SLOT,
                  io.voltstream.model.market.OrderState.OPEN,
                  1,
                  0.2,
                  0,
                  1,
                  null,
                  io.voltstream.model.market.OrderOrigin.API,
                  null,
                  now)));
      hub.broadcast(
          messages.settlement(
              new io.voltstream.model.market.Settlement(
                  "community",
                  ORDER_SLOT,
                  b,
                  1,
                  0,
                  0.2,
                  0,
                  1,
                  0,
                  0,
                  0.2,
                  0.3,
                  0.1,
                  0.3,
                  0.07,
                  1,
                  now)));
    }
    hub.broadcast(
        messages.clearing(
            new io.voltstream.model.market.MarketClearing(
                "community", ORDER_SLOT, pac, 0.2, 2, 2, 2, 0, 2, 2, now)));
  }

  /** Places an order for {@code building} as the unscoped admin; its id. */
  private static String placeOrder(String building) {
    var r = client.post("/api/v1/p2p/transactions", admin, order(building));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json().get("id").asText();
  }

  private static String order(String building) {
    return "{\"building\":\""
        + building
        + "\",\"side\":\"buy\",\"energy_kwh\":1,\"price_eur_per_kwh\":0.2,"
        + "\"delivery_start\":\""
        + ORDER_SLOT
        + "\"}";
  }

  /** A trade each of hq and annex buys in, and their settlements, as the jobs write them. */
  private static void seedMarket(String db) {
    var t = Schema.MARKET_TRADES;
    var st = Schema.SETTLEMENTS;
    Instant slot = io.voltstream.energy.market.MarketSpec.slotOf(Instant.now().minusSeconds(3600));
    List<String> lines = new ArrayList<>();
    for (String b : List.of("hq", "annex")) {
      lines.add(
          LinePoint.of(t)
              .tag(t.market, "community")
              .tag(t.buyer, b)
              .tag(t.seller, "west")
              .tag(t.mode, "pay_as_clear")
              .field(t.tradeId, "trade-" + b)
              .field(t.buyOrderId, "bid-" + b)
              .field(t.sellOrderId, "offer-west")
              .field(t.energyKwh, 1.0)
              .field(t.priceEurPerKwh, 0.2)
              .time(slot)
              .toLine());
      lines.add(
          LinePoint.of(st)
              .tag(st.market, "community")
              .tag(st.building, b)
              .field(st.boughtKwh, 1.0)
              .field(st.netCostEur, 0.2)
              .time(slot)
              .toLine());
    }
    INFLUX.write(db, String.join("\n", lines));
  }

  private static Function<JsonNode, Set<String>> field(String name) {
    return json -> new TreeSet<>(json.findValuesAsText(name));
  }

  /** Creates whatever of the fixture is missing (409s for what exists are expected). */
  private static void seed() {
    for (String[] b : new String[][] {{"hq"}, {"annex"}}) {
      accept(
          client.post(
              "/api/v1/buildings", admin, "{\"id\":\"" + b[0] + "\",\"name\":\"" + b[0] + "\"}"));
    }
    for (String[] r : new String[][] {{"kitchen", "hq"}, {"lobby", "hq"}, {"lab", "annex"}}) {
      accept(
          client.post(
              "/api/v1/rooms", admin, "{\"name\":\"" + r[0] + "\",\"building\":\"" + r[1] + "\"}"));
    }
    for (String[] s :
        new String[][] {
          {"kitchen-meter", "kitchen"}, {"lobby-meter", "lobby"}, {"lab-meter", "lab"}
        }) {
      accept(
          client.post(
              "/api/v1/sensors",
              admin,
              "{\"sensor_id\":\""
                  + s[0]
                  + "\",\"room\":\""
                  + s[1]
                  + "\",\"sensor_type\":\"power\"}"));
    }
    accept(client.post("/api/v1/batteries", admin, battery("hq-battery", "hq")));
    accept(client.post("/api/v1/batteries", admin, battery("annex-battery", "annex")));
    accept(client.post("/api/v1/automation/rules", admin, rule("hq-rule", "hq", "kitchen")));
    accept(client.post("/api/v1/automation/rules", admin, rule("annex-rule", "annex", "lab")));
    accept(client.post("/api/v1/iot/devices", admin, device("kitchen-plugs", "kitchen")));
    accept(client.post("/api/v1/iot/devices", admin, device("lobby-fan", "lobby")));
    accept(client.post("/api/v1/iot/devices", admin, device("lab-plugs", "lab")));
  }

  /** An event-only CO2 rule on {@code room} (no device needed in the fixture). */
  private static String rule(String id, String building, String room) {
    return "{\"id\":\""
        + id
        + "\",\"building\":\""
        + building
        + "\",\"condition\":{\"metric\":\"co2\",\"room\":\""
        + room
        + "\",\"window_s\":300,\"comparison\":\"above\",\"threshold\":1000,"
        + "\"clear_threshold\":800},\"on_trigger\":{\"kind\":\"event\"}}";
  }

  private static String device(String id, String room) {
    return "{\"id\":\""
        + id
        + "\",\"room\":\""
        + room
        + "\",\"type\":\"plug_load\",\"rated_power_w\":300,\"control_capabilities\":[\"on_off\"]}";
  }

  /** Sends a DR invitation as the unscoped admin; its id. */
  private static String sendInvitation(String building, Instant start) {
    var r =
        client.post("/api/v1/demand-response/invitations/send", admin, invitation(building, start));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private static String invitation(String building, Instant start) {
    return "{\"building\":\""
        + building
        + "\",\"start\":\""
        + start
        + "\",\"duration_minutes\":30,\"requested_kw\":1.0,\"incentive_eur_per_kwh\":0.2}";
  }

  /** The values of every OpenADR {@code targets} entry in a list of programs or events. */
  private static Set<String> targetValues(JsonNode list) {
    Set<String> out = new TreeSet<>();
    list.forEach(
        o -> o.path("targets").forEach(t -> t.path("values").forEach(v -> out.add(v.asText()))));
    return out;
  }

  private static String battery(String id, String building) {
    return "{\"id\":\""
        + id
        + "\",\"building\":\""
        + building
        + "\",\"capacity_kwh\":10,\"max_charge_w\":5000,"
        + "\"max_discharge_w\":5000,\"round_trip_efficiency\":0.9,\"min_soc_percent\":5,\"max_soc_percent\":95,"
        + "\"reserve_percent\":10}";
  }

  private static String defaultTariffJson() {
    try {
      return Json.MAPPER.writeValueAsString(io.voltstream.energy.tariff.Tariffs.defaultTariff());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void accept(ApiTestClient.Response r) {
    assertThat(r.status()).as(r.body()).isIn(201, 409);
  }
}
