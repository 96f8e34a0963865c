package io.voltstream.api.batteries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.Role;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.model.Building;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Battery, command and building-settings routes through the real router and access check, with the
 * in-memory registry, a recording command publisher and a fake InfluxDB: every validation path
 * answers problem JSON naming the field, and nothing is published for a rejected request.
 */
class BatteryRoutesTest {
  private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");

  private final List<Command> published = new CopyOnWriteArrayList<>();
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private Javalin app;
  private ApiServer server;
  private ApiTestClient client;
  private String admin;
  private String operator;
  private String viewer;
  private String annexAdmin;

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ApiDependencies deps =
        ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), clock)
            .withInflux(this::fakeInflux)
            .withCommands(published::add);
    deps.registry().createBuilding(new Building("hq", "HQ", null, null, null));
    deps.registry().createBuilding(new Building("annex", "Annex", null, null, null));
    deps.registry().createBattery(new BatterySpec("b1", "hq", 10, 5000, 4000, 0.9, 5, 95, 10));
    server = new ApiServer(deps);
    app = server.app().start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    admin = deps.jwt().issue("alice", Role.ADMIN, List.of(), Duration.ofHours(1)).token();
    operator = deps.jwt().issue("olga", Role.OPERATOR, List.of(), Duration.ofHours(1)).token();
    viewer = deps.jwt().issue("victor", Role.VIEWER, List.of(), Duration.ofHours(1)).token();
    annexAdmin =
        deps.jwt()
            .issue("anna", Role.ADMIN, List.of("building:annex"), Duration.ofHours(1))
            .token();
  }

  @AfterEach
  void stop() {
    app.stop();
    server.close();
  }

  private List<Series> fakeInflux(InfluxQuery q) {
    String text = q.render();
    queries.add(text);
    if (text.startsWith("SELECT last(\"soc_percent\")")) {
      return List.of(
          new Series(
              "battery_state",
              Map.of("battery_id", "b1"),
              List.of("time", "soc_percent", "power_w", "soh_percent", "mode"),
              List.of(List.of(0L, 55.5, -1200.0, 98.0, "discharge"))));
    }
    if (text.startsWith(
        "SELECT \"power_w\", \"soc_percent\", \"soh_percent\" FROM \"battery_state\"")) {
      long t0 = NOW.minusSeconds(3600).toEpochMilli();
      // 2 kW charging for 4 minutes, then 1 kW discharging for 5 minutes (capped hold), then
      // silence
      return List.of(
          new Series(
              "battery_state",
              Map.of("battery_id", "b1"),
              List.of("time", "power_w", "soc_percent", "soh_percent"),
              List.of(
                  List.of(t0, 2000.0, 50.0, 99.0), List.of(t0 + 240_000, -1000.0, 53.0, 98.5))));
    }
    return List.of();
  }

  @Test
  void shouldListBatteriesWithTheirLatestStateForEveryRole() {
    for (String token : List.of(admin, operator, viewer)) {
      var r = client.get("/api/v1/batteries", token);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode b = r.json().get(0);
      assertThat(b.get("id").asText()).isEqualTo("b1");
      assertThat(b.get("building").asText()).isEqualTo("hq");
      assertThat(b.get("soc_percent").asDouble()).isEqualTo(55.5);
      assertThat(b.get("power_w").asDouble()).isEqualTo(-1200.0);
      assertThat(b.get("soh_percent").asDouble()).isEqualTo(98.0);
      assertThat(b.get("mode").asText()).isEqualTo("discharge");
      assertThat(b.get("capacity_kwh").asDouble()).isEqualTo(10.0);
      assertThat(b.get("max_discharge_w").asDouble()).isEqualTo(4000.0);
    }
    assertThat(client.get("/api/v1/batteries", annexAdmin).json()).isEmpty();
  }

  @Test
  void shouldPublishAManualChargeCommandAndReadItBackPending() {
    var r =
        client.post("/api/v1/batteries/b1/charge", admin, "{\"power_w\":2500,\"duration_s\":600}");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    String id = r.json().get("command_id").asText();
    assertThat(r.json().get("status").asText()).isEqualTo("pending");
    assertThat(r.json().get("valid_until").asText()).isEqualTo(NOW.plusSeconds(600).toString());
    assertThat(r.headers().firstValue("Location").orElse(null)).isEqualTo("/api/v1/commands/" + id);

    assertThat(published).hasSize(1);
    Command c = published.get(0);
    assertThat(c.commandId()).isEqualTo(id);
    assertThat(c.target()).isEqualTo("b1");
    assertThat(c.building()).isEqualTo("hq");
    assertThat(c.battery().mode()).isEqualTo(BatteryMode.CHARGE);
    assertThat(c.battery().powerW()).isEqualTo(2500.0);
    assertThat(c.source()).isEqualTo(CommandSource.MANUAL);
    assertThat(c.issuedBy()).isEqualTo("alice");
    assertThat(c.issuedAt()).isEqualTo(NOW);
    assertThat(c.validUntil()).isEqualTo(NOW.plusSeconds(600));

    var status = client.get("/api/v1/commands/" + id, operator);
    assertThat(status.status()).as(status.body()).isEqualTo(200);
    assertThat(status.json().get("status").asText()).isEqualTo("pending");
    assertThat(status.json().get("mode").asText()).isEqualTo("charge");
    assertThat(status.json().get("power_w").asDouble()).isEqualTo(2500.0);
    assertThat(client.get("/api/v1/commands/" + id, viewer).status()).isEqualTo(403);
    assertThat(client.get("/api/v1/commands/" + id, annexAdmin).status()).isEqualTo(403);

    JsonNode last = client.get("/api/v1/batteries/b1", viewer).json().get("last_command");
    assertThat(last.get("id").asText()).isEqualTo(id);
    assertThat(last.get("status").asText()).isEqualTo("pending");
  }

  @Test
  void shouldAnswer404ForAnUnknownBatteryOrCommand() {
    assertProblem(
        client.post("/api/v1/batteries/nope/charge", admin, "{\"power_w\":100,\"duration_s\":60}"),
        404,
        null);
    assertProblem(client.get("/api/v1/commands/no-such-command", admin), 404, null);
    assertThat(published).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "charge|{\"power_w\":5001,\"duration_s\":60}|422|power_w",
        "discharge|{\"power_w\":4001,\"duration_s\":60}|422|power_w",
        "charge|{\"power_w\":-5,\"duration_s\":60}|400|power_w",
        "charge|{\"power_w\":0,\"duration_s\":60}|400|power_w",
        "charge|{\"duration_s\":60}|400|power_w",
        "charge|{\"power_w\":100,\"duration_s\":-1}|400|duration_s",
        "discharge|{\"power_w\":100,\"duration_s\":86401}|400|duration_s",
        "charge|{\"power_w\":100}|400|duration_s",
        "charge|{\"power_w\":100,|400|",
        "charge|{\"power_w\":\"lots\",\"duration_s\":60}|400|power_w"
      })
  void shouldRejectInvalidCommandsNamingTheField(
      String verb, String body, int status, String field) {
    assertProblem(client.post("/api/v1/batteries/b1/" + verb, admin, body), status, field);
    assertThat(published).isEmpty();
  }

  @Test
  void shouldLetOnlyAdminsOfTheBatterysBuildingCommandIt() {
    String body = "{\"power_w\":100,\"duration_s\":60}";
    assertThat(client.post("/api/v1/batteries/b1/discharge", operator, body).status())
        .isEqualTo(403);
    assertThat(client.post("/api/v1/batteries/b1/discharge", viewer, body).status()).isEqualTo(403);
    assertThat(client.post("/api/v1/batteries/b1/discharge", annexAdmin, body).status())
        .isEqualTo(403);
    assertThat(published).isEmpty();
  }

  @Test
  void shouldValidateTheBatteryRegistryNamingTheField() {
    String good =
        "\"capacity_kwh\":5,\"max_charge_w\":2500,\"max_discharge_w\":2500,\"round_trip_efficiency\":0.9,"
            + "\"min_soc_percent\":5,\"max_soc_percent\":95,\"reserve_percent\":10";
    assertProblem(
        client.post(
            "/api/v1/batteries", admin, "{\"id\":\"b2\",\"building\":\"nowhere\"," + good + "}"),
        422,
        "building");
    assertProblem(
        client.post(
            "/api/v1/batteries",
            admin,
            "{\"id\":\"b2\",\"building\":\"hq\","
                + good.replace("\"max_charge_w\":2500", "\"max_charge_w\":-1")
                + "}"),
        400,
        "max_charge_w");
    assertProblem(
        client.post(
            "/api/v1/batteries",
            admin,
            "{\"id\":\"b2\",\"building\":\"hq\"," + good.replace("\"capacity_kwh\":5,", "") + "}"),
        400,
        "capacity_kwh");
    assertProblem(
        client.post(
            "/api/v1/batteries", admin, "{\"id\":\"b 2\",\"building\":\"hq\"," + good + "}"),
        400,
        "id");
    assertProblem(
        client.post("/api/v1/batteries", admin, "{\"id\":\"b1\",\"building\":\"hq\"," + good + "}"),
        409,
        null);

    var created =
        client.post("/api/v1/batteries", admin, "{\"id\":\"b2\",\"building\":\"hq\"," + good + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(client.get("/api/v1/batteries/b2", viewer).json().get("capacity_kwh").asDouble())
        .isEqualTo(5.0);
    var updated =
        client.put(
            "/api/v1/batteries/b2",
            admin,
            "{\"building\":\"hq\","
                + good.replace("\"capacity_kwh\":5", "\"capacity_kwh\":7")
                + "}");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(client.get("/api/v1/batteries/b2", viewer).json().get("capacity_kwh").asDouble())
        .isEqualTo(7.0);
    assertThat(client.delete("/api/v1/batteries/b2", admin).status()).isEqualTo(204);
    assertThat(client.get("/api/v1/batteries/b2", viewer).status()).isEqualTo(404);
  }

  @Test
  void shouldSummariseEnergyCyclesAndHealth() {
    var r = client.get("/api/v1/batteries/analytics/summary", viewer);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode s = r.json();
    assertThat(s.get("total_batteries").asInt()).isEqualTo(1);
    assertThat(s.get("total_capacity_kwh").asDouble()).isEqualTo(10.0);
    // 2 kW × 4 min = 0.133 kWh in; 1 kW held at most 5 min = 0.0833 kWh out
    assertThat(s.get("charged_kwh").asDouble())
        .isCloseTo(2.0 * 4 / 60, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.get("discharged_kwh").asDouble())
        .isCloseTo(1.0 / 12, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.get("equivalent_full_cycles").asDouble())
        .isCloseTo(1.0 / 120, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.get("average_soc").asDouble()).isEqualTo(53.0);
    assertThat(s.get("state_of_health_percent").asDouble()).isEqualTo(98.5);
    assertThat(s.get("batteries").get(0).get("id").asText()).isEqualTo("b1");
    assertThat(s.get("start_time").asText()).isEqualTo(NOW.minus(Duration.ofHours(24)).toString());
  }

  @Test
  void shouldReadAndSetABuildingsDispatchAndTariff() {
    var dispatch = client.get("/api/v1/buildings/hq/dispatch", operator);
    assertThat(dispatch.status()).as(dispatch.body()).isEqualTo(200);
    assertThat(dispatch.json().get("strategies").get(0).asText()).isEqualTo("reserve");
    assertThat(client.get("/api/v1/buildings/hq/dispatch", viewer).status()).isEqualTo(403);
    assertThat(
            client.put("/api/v1/buildings/hq/dispatch", operator, "{\"strategies\":[]}").status())
        .isEqualTo(403);

    assertProblem(
        client.put("/api/v1/buildings/hq/dispatch", admin, "{\"strategies\":[\"peak_shaving\"]}"),
        400,
        "peak_shaving_threshold_kw");
    assertProblem(
        client.put("/api/v1/buildings/hq/dispatch", admin, "{\"strategies\":[\"magic\"]}"),
        400,
        "strategies");
    var set =
        client.put(
            "/api/v1/buildings/hq/dispatch",
            admin,
            "{\"strategies\":[\"peak_shaving\",\"self_consumption\"],\"peak_shaving_threshold_kw\":8}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(
            client
                .get("/api/v1/buildings/hq/dispatch", operator)
                .json()
                .get("peak_shaving_threshold_kw")
                .asDouble())
        .isEqualTo(8.0);

    var tariff = client.get("/api/v1/buildings/hq/tariff", operator);
    assertThat(tariff.status()).as(tariff.body()).isEqualTo(200);
    String changed =
        tariff
            .body()
            .replaceFirst(
                "\"demand_charge_eur_per_kw_month\":[0-9.]+",
                "\"demand_charge_eur_per_kw_month\":12.5");
    assertThat(client.put("/api/v1/buildings/hq/tariff", admin, changed).status()).isEqualTo(200);
    assertThat(
            client
                .get("/api/v1/buildings/hq/tariff", admin)
                .json()
                .get("demand_charge_eur_per_kw_month")
                .asDouble())
        .isEqualTo(12.5);
    assertProblem(
        client.put(
            "/api/v1/buildings/hq/tariff",
            admin,
            changed.replaceFirst(
                "\"demand_charge_eur_per_kw_month\":12.5",
                "\"demand_charge_eur_per_kw_month\":-1")),
        400,
        "demand_charge_eur_per_kw_month");
    // a PUT of the building's attributes keeps its settings
    assertThat(client.put("/api/v1/buildings/hq", admin, "{\"name\":\"Head office\"}").status())
        .isEqualTo(200);
    assertThat(
            client
                .get("/api/v1/buildings/hq/dispatch", operator)
                .json()
                .get("peak_shaving_threshold_kw")
                .asDouble())
        .isEqualTo(8.0);
    assertThat(
            client
                .get("/api/v1/buildings/hq/tariff", admin)
                .json()
                .get("demand_charge_eur_per_kw_month")
                .asDouble())
        .isEqualTo(12.5);
  }

  private static void assertProblem(ApiTestClient.Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(r.json().get("errors").findValuesAsText("field")).as(r.body()).contains(field);
    }
  }
}
