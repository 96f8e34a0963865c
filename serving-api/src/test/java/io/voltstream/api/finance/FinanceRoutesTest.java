package io.voltstream.api.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.Role;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.model.Building;
import io.voltstream.model.Room;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /analytics/financial} and its export through the real router with a fake InfluxDB: the
 * query (names from the schema, the building's or room's rows, hourly buckets), the local months of
 * the default tariff zone (Europe/Brussels), every refused parameter named, roles and scope, CSV
 * and JSON.
 */
class FinanceRoutesTest {
  static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
  static final String PATH = "/api/v1/analytics/financial";

  private final List<String> queries = new CopyOnWriteArrayList<>();
  private ApiDependencies deps;
  private Javalin app;
  private ApiServer server;
  private ApiTestClient client;
  private String admin;
  private String viewer;
  private String operator;
  private String annexAdmin;
  private String kitchenViewer;

  @BeforeEach
  void start() {
    deps =
        ApiDependencies.inMemory(
                ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), Clock.fixed(NOW, ZoneOffset.UTC))
            .withInflux(this::fakeInflux);
    deps.registry().createBuilding(new Building("hq", "HQ", null, null, null));
    deps.registry().createBuilding(new Building("annex", "Annex", null, null, null));
    deps.registry().createRoom(new Room("kitchen", "hq", 20.0));
    deps.registry().createRoom(new Room("lab", "annex", 20.0));
    server = new ApiServer(deps);
    app = server.app().start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    admin = token(Role.ADMIN);
    viewer = token(Role.VIEWER);
    operator = token(Role.OPERATOR);
    annexAdmin = token(Role.ADMIN, "building:annex");
    kitchenViewer = token(Role.VIEWER, "room:kitchen");
  }

  @AfterEach
  void stop() {
    app.stop();
    server.close();
  }

  private String token(Role role, String... permissions) {
    return deps.jwt().issue("t", role, List.of(permissions), Duration.ofHours(1)).token();
  }

  /** Hourly sums: 31 Jan 22:00Z and 23:00Z (the second is 1 February in Brussels), 1 Mar 10:00Z. */
  private List<Series> fakeInflux(InfluxQuery q) {
    queries.add(q.render());
    List<String> columns =
        new ArrayList<>(
            List.of(
                "time",
                "consumption_kwh",
                "generation_kwh",
                "import_kwh",
                "export_kwh",
                "energy_cost_eur",
                "net_cost_eur",
                "p2p_savings_eur",
                "co2_kg",
                "co2_without_p2p_kg",
                "metered_share",
                "slots"));
    return List.of(
        new Series(
            "building_finance",
            Map.of(),
            columns,
            List.of(
                row("2026-01-31T22:00:00Z", 4.0, 0.0, 4.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 4.0, 4),
                row("2026-01-31T23:00:00Z", 2.0, 0.0, 2.0, 0.0, 0.5, 0.4, 0.1, 0.5, 0.6, 3.0, 4),
                row(
                    "2026-03-01T10:00:00Z",
                    3.0,
                    5.0,
                    0.0,
                    2.0,
                    0.0,
                    -0.2,
                    0.2,
                    0.0,
                    0.0,
                    4.0,
                    4))));
  }

  private static List<Object> row(String time, Object... values) {
    List<Object> r = new ArrayList<>();
    r.add(Instant.parse(time).toEpochMilli());
    r.addAll(List.of(values));
    return r;
  }

  private static void assertProblem(ApiTestClient.Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(r.json().get("errors").findValuesAsText("field")).as(r.body()).contains(field);
    }
  }

  @Test
  void shouldSumTheBuildingsRowsIntoLocalMonths() {
    var r =
        client.get(
            PATH
                + "?building=hq&resolution=month&from=2026-01-01T00:00:00Z&to=2026-03-15T00:00:00Z",
            viewer);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode report = r.json();
    assertThat(report.get("zone").asText()).isEqualTo("Europe/Brussels");
    assertThat(report.get("resolution").asText()).isEqualTo("month");
    assertThat(report.get("currency").asText()).isEqualTo("EUR");
    JsonNode periods = report.get("periods");
    assertThat(periods.findValuesAsText("period_start"))
        .containsExactly("2025-12-31T23:00:00Z", "2026-01-31T23:00:00Z", "2026-02-28T23:00:00Z");
    assertThat(periods.get(0).get("energy_cost_eur").asDouble()).isEqualTo(1.0);
    assertThat(periods.get(1).get("net_cost_eur").asDouble()).isEqualTo(0.4);
    assertThat(periods.get(1).get("co2_without_p2p_kg").asDouble()).isEqualTo(0.6);
    assertThat(periods.get(1).get("metered_share").asDouble()).isEqualTo(0.75);
    assertThat(periods.get(2).get("self_consumption_percent").asDouble()).isEqualTo(60.0);
    assertThat(periods.get(2).get("self_sufficiency_percent").asDouble()).isEqualTo(100.0);
    assertThat(periods.get(0).get("self_consumption_percent").isNull()).isTrue();
    JsonNode totals = report.get("totals");
    assertThat(totals.get("consumption_kwh").asDouble()).isEqualTo(9.0);
    assertThat(totals.get("p2p_savings_eur").asDouble())
        .isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(totals.get("slots").asLong()).isEqualTo(12);
    assertThat(totals.get("period_start").asText()).isEqualTo("2026-01-01T00:00:00Z");

    String q = queries.get(queries.size() - 1);
    assertThat(q)
        .startsWith("SELECT sum(\"consumption_kwh\") AS \"consumption_kwh\", ")
        .contains("count(\"metered_share\") AS \"slots\" FROM \"building_finance\"")
        .contains("WHERE \"building\" = 'hq' AND \"scope\" = 'building' AND time >= ")
        .endsWith("GROUP BY time(3600s) fill(none)");
  }

  @Test
  void shouldReadARoomsRowsWithARoomGrant() {
    var r = client.get(PATH + "?building=hq&room=kitchen&range=7d", kitchenViewer);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("room").asText()).isEqualTo("kitchen");
    assertThat(r.json().get("from").asText()).isEqualTo("2026-03-08T12:00:00Z");
    assertThat(queries.get(queries.size() - 1))
        .contains("\"scope\" = 'room' AND \"room\" = 'kitchen'");
    assertProblem(client.get(PATH + "?building=hq", kitchenViewer), 403, null);
    assertProblem(client.get(PATH + "?building=hq", annexAdmin), 403, null);
    assertThat(client.get(PATH + "?building=annex&room=lab", annexAdmin).status()).isEqualTo(200);
    assertThat(client.get(PATH + "?building=hq", operator).status()).isEqualTo(200);
    assertThat(client.get(PATH + "?building=hq", admin).status()).isEqualTo(200);
  }

  @Test
  void shouldNameEveryRefusedParameter() {
    assertProblem(client.get(PATH, admin), 400, "building");
    assertProblem(client.get(PATH + "?building=a%20b", admin), 400, "building");
    assertProblem(client.get(PATH + "?building=nowhere", admin), 404, "building");
    assertProblem(client.get(PATH + "?building=hq&room=attic", admin), 404, "room");
    assertProblem(client.get(PATH + "?building=hq&room=lab", admin), 422, "room");
    assertProblem(client.get(PATH + "?building=hq&resolution=week", admin), 400, "resolution");
    assertProblem(client.get(PATH + "?building=hq&range=7x", admin), 400, "range");
    assertProblem(client.get(PATH + "?building=hq&range=0d", admin), 400, "range");
    assertProblem(
        client.get(PATH + "?building=hq&range=7d&from=2026-03-01T00:00:00Z", admin), 400, "range");
    assertProblem(client.get(PATH + "?building=hq&from=soon", admin), 400, "from");
    assertProblem(
        client.get(PATH + "?building=hq&from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00Z", admin),
        422,
        "to");
    // hourly figures up to the room-data range (31 d), days and months up to a year
    assertProblem(client.get(PATH + "?building=hq&resolution=hour&range=40d", admin), 422, "from");
    assertThat(client.get(PATH + "?building=hq&resolution=day&range=365d", admin).status())
        .isEqualTo(200);
    assertProblem(
        client.get(PATH + "?building=hq&resolution=month&range=400d", admin), 422, "from");
    assertProblem(client.get(PATH + "/export?building=hq&format=xml", admin), 400, "format");
  }

  @Test
  void shouldExportThePeriodsAsCsvAndJson() {
    var csv =
        client.get(
            PATH
                + "/export?building=hq&resolution=month&from=2026-01-01T00:00:00Z&to=2026-03-15T00:00:00Z",
            viewer);
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment; filename=\"voltstream-financial-hq-1767225600-1773532800.csv\"");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(4);
    List<String> header = List.of(lines[0].split(","));
    assertThat(header).startsWith("period_start", "period_end", "slots", "metered_share");
    assertThat(header).contains("energy_cost_eur", "self_sufficiency_percent", "co2_without_pv_kg");
    List<String> feb = List.of(lines[2].split(",", -1));
    assertThat(feb.get(header.indexOf("period_start"))).isEqualTo("2026-01-31T23:00:00Z");
    assertThat(feb.get(header.indexOf("net_cost_eur"))).isEqualTo("0.4");
    assertThat(List.of(lines[1].split(",", -1)).get(header.indexOf("self_consumption_percent")))
        .isEmpty();

    var json = client.get(PATH + "/export?building=hq&format=json&resolution=month", viewer);
    assertThat(json.status()).as(json.body()).isEqualTo(200);
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.json().isArray()).isTrue();
    assertThat(json.json()).hasSize(3);
    assertProblem(client.get(PATH + "/export?building=hq", annexAdmin), 403, null);
  }
}
