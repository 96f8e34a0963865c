package io.voltstream.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.voltstream.api.ApiConfig;
import io.voltstream.api.ApiDependencies;
import io.voltstream.api.ApiServer;
import io.voltstream.api.ApiTestClient;
import io.voltstream.api.auth.Role;
import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.model.Building;
import io.voltstream.model.Room;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.DeviceInstruction;
import io.voltstream.model.command.TargetKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IoT device routes through the real router and access check, with the in-memory registry, a
 * recording command publisher and a fake InfluxDB: registration, filters, scope, instructions and
 * the summary; every rejected request answers problem JSON naming the field and publishes nothing.
 */
class DeviceRoutesTest {
  private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

  private final List<Command> published = new CopyOnWriteArrayList<>();
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private Javalin app;
  private ApiServer server;
  private ApiTestClient client;
  private String admin;
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
    deps.registry().createRoom(new Room("living", "hq", 30.0));
    deps.registry().createRoom(new Room("office", "hq", 12.0));
    deps.registry().createRoom(new Room("lab", "annex", 50.0));
    deps.registry()
        .createDevice(
            new DeviceSpec(
                "hvac",
                "hq",
                "living",
                "Heat pump",
                DeviceType.HVAC,
                2500,
                true,
                true,
                FlexibilityKind.CURTAILABLE,
                Set.of(
                    ControlCapability.ON_OFF,
                    ControlCapability.SETPOINT,
                    ControlCapability.CURTAIL),
                null,
                16.0,
                26.0,
                null));
    deps.registry()
        .createDevice(
            new DeviceSpec(
                "fan",
                "hq",
                "office",
                null,
                DeviceType.VENTILATION,
                60,
                true,
                false,
                FlexibilityKind.NONE,
                Set.of(ControlCapability.ON_OFF),
                null,
                null,
                null,
                null));
    deps.registry()
        .createDevice(
            new DeviceSpec(
                "lab-plugs",
                "annex",
                "lab",
                null,
                DeviceType.PLUG_LOAD,
                400,
                true,
                true,
                FlexibilityKind.CURTAILABLE,
                Set.of(ControlCapability.ON_OFF, ControlCapability.CURTAIL),
                "lab-meter",
                null,
                null,
                null));
    server = new ApiServer(deps);
    app = server.app().start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    admin = deps.jwt().issue("alice", Role.ADMIN, List.of(), Duration.ofHours(1)).token();
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

  /** Latest meter power: the heat pump runs at 1800 W, the fan is off, the lab meter is silent. */
  private List<Series> fakeInflux(InfluxQuery q) {
    String text = q.render();
    queries.add(text);
    if (text.startsWith("SELECT last(\"power_w\") AS \"power_w\" FROM \"readings\"")) {
      long t = NOW.minusSeconds(10).toEpochMilli();
      return List.of(
          new Series(
              "readings",
              Map.of("sensor_id", "hvac"),
              List.of("time", "power_w"),
              List.of(List.of(t, 1800.0))),
          new Series(
              "readings",
              Map.of("sensor_id", "fan"),
              List.of("time", "power_w"),
              List.of(List.of(t, 0.0))));
    }
    return List.of();
  }

  private static String deviceJson(String id, String room, String extra) {
    return "{\"id\":\""
        + id
        + "\",\"room\":\""
        + room
        + "\",\"type\":\"plug_load\",\"rated_power_w\":300,\"dr_enabled\":true,"
        + "\"flexibility\":\"curtailable\",\"control_capabilities\":[\"on_off\",\"curtail\"]"
        + extra
        + "}";
  }

  private static void assertProblem(ApiTestClient.Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(r.json().get("errors").findValuesAsText("field")).as(r.body()).contains(field);
    }
  }

  @Test
  void shouldListDevicesWithStateAndPowerForEveryRoleFilteredByScope() {
    var r = client.get("/api/v1/iot/devices", viewer);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().findValuesAsText("id")).containsExactly("fan", "hvac", "lab-plugs");
    JsonNode hvac = r.json().get(1);
    assertThat(hvac.get("type").asText()).isEqualTo("hvac");
    assertThat(hvac.get("flexibility").asText()).isEqualTo("curtailable");
    assertThat(hvac.get("control_capabilities").toString())
        .isEqualTo("[\"curtail\",\"on_off\",\"setpoint\"]");
    assertThat(hvac.get("state").asText()).isEqualTo("on");
    assertThat(hvac.get("power_w").asDouble()).isEqualTo(1800.0);
    assertThat(hvac.get("meter_sensor_id").asText()).isEqualTo("hvac");
    assertThat(r.json().get(0).get("state").asText()).isEqualTo("off");
    assertThat(r.json().get(2).get("state").asText()).isEqualTo("unknown");
    assertThat(r.json().get(2).get("power_w").isNull()).isTrue();
    // the meters are queried by id, validated, in one query
    assertThat(queries.get(queries.size() - 1))
        .contains("\"sensor_id\" = 'fan' OR \"sensor_id\" = 'hvac' OR \"sensor_id\" = 'lab-meter'");

    assertThat(client.get("/api/v1/iot/devices", annexAdmin).json().findValuesAsText("id"))
        .containsExactly("lab-plugs");
    assertThat(client.get("/api/v1/iot/devices?type=HVAC", admin).json().findValuesAsText("id"))
        .containsExactly("hvac");
    assertThat(client.get("/api/v1/iot/devices?room=office", admin).json().findValuesAsText("id"))
        .containsExactly("fan");
    assertThat(
            client.get("/api/v1/iot/devices?building=annex", admin).json().findValuesAsText("id"))
        .containsExactly("lab-plugs");
    assertProblem(client.get("/api/v1/iot/devices?type=toaster", admin), 400, "type");
    assertProblem(client.get("/api/v1/iot/devices?room=bad%20room", admin), 400, "room");
  }

  @Test
  void shouldRegisterADeviceAndReadItBackAtOnce() {
    var r = client.post("/api/v1/iot/devices", admin, deviceJson("desk", "office", ""));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("building").asText()).as("the room's building").isEqualTo("hq");
    var got = client.get("/api/v1/iot/devices/desk", viewer);
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    assertThat(got.json().get("max_curtailment_minutes").asInt()).isEqualTo(60);

    assertProblem(
        client.post("/api/v1/iot/devices", admin, deviceJson("desk", "office", "")), 409, null);
    var put =
        client.put(
            "/api/v1/iot/devices/desk",
            admin,
            deviceJson("desk", "living", ",\"rated_power_w\":500")
                .replace("\"rated_power_w\":300,", ""));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("room").asText()).isEqualTo("living");
    assertThat(put.json().get("rated_power_w").asDouble()).isEqualTo(500.0);
    assertThat(client.delete("/api/v1/iot/devices/desk", admin).status()).isEqualTo(204);
    assertProblem(client.get("/api/v1/iot/devices/desk", admin), 404, "id");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\":\"d\",\"room\":\"attic\",\"type\":\"hvac\",\"rated_power_w\":100}|422|room",
        "{\"id\":\"d\",\"room\":\"office\",\"building\":\"annex\",\"type\":\"hvac\",\"rated_power_w\":100}|422|building",
        "{\"id\":\"d\",\"room\":\"office\",\"type\":\"toaster\",\"rated_power_w\":100}|422|type",
        "{\"id\":\"d\",\"room\":\"office\",\"rated_power_w\":100}|422|type",
        "{\"id\":\"d\",\"room\":\"office\",\"type\":\"hvac\"}|422|rated_power_w",
        "{\"id\":\"d\",\"room\":\"office\",\"type\":\"hvac\",\"rated_power_w\":-5}|422|rated_power_w",
        "{\"id\":\"d\",\"room\":\"office\",\"type\":\"hvac\",\"rated_power_w\":100,\"dr_enabled\":true,\"flexibility\":\"curtailable\",\"control_capabilities\":[\"on_off\"]}|422|control_capabilities",
        "{\"id\":\"d\",\"room\":\"office\",\"type\":\"hvac\",\"rated_power_w\":100,\"flexibility\":\"shiftable\",\"control_capabilities\":[\"on_off\",\"shift\"]}|422|flexibility",
        "{\"id\":\"d\",\"room\":\"office\",\"type\":\"hvac\",\"rated_power_w\":100,\"control_capabilities\":[\"fly\"]}|422|control_capabilities",
        "{\"id\":\"d\",\"room\":\"office\",\"type\":\"hvac\",\"rated_power_w\":100,\"control_capabilities\":[\"setpoint\"]}|422|min_setpoint",
        "{\"id\":\"d\",\"room\":\"office\",\"type\":\"hvac\",\"rated_power_w\":100,\"controllable\":false,\"control_capabilities\":[\"on_off\"]}|422|control_capabilities",
        "{\"id\":\"bad id\",\"room\":\"office\",\"type\":\"hvac\",\"rated_power_w\":100}|400|id",
        "{\"id\":\"d\",\"room\":\"office\",\"type\":\"hvac\",\"rated_power_w\":100,\"meter_sensor_id\":\"a"
            + " b\"}|400|meter_sensor_id",
      })
  void shouldRejectAnInvalidDeviceNamingTheField(String body, int status, String field) {
    assertProblem(client.post("/api/v1/iot/devices", admin, body), status, field);
    assertThat(client.get("/api/v1/iot/devices/d", admin).status()).isEqualTo(404);
  }

  @Test
  void shouldLetOnlyAdminsWriteAndKeepScopedTokensToTheirRooms() {
    assertThat(client.post("/api/v1/iot/devices", viewer, deviceJson("x", "office", "")).status())
        .isEqualTo(403);
    assertThat(
            client
                .post("/api/v1/iot/devices/hvac/instructions", viewer, "{\"action\":\"off\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            client.post("/api/v1/iot/devices", annexAdmin, deviceJson("x", "office", "")).status())
        .isEqualTo(403);
    assertThat(client.get("/api/v1/iot/devices/hvac", annexAdmin).status()).isEqualTo(403);
    assertThat(
            client
                .post("/api/v1/iot/devices/hvac/instructions", annexAdmin, "{\"action\":\"off\"}")
                .status())
        .isEqualTo(403);
    assertThat(published).isEmpty();
  }

  @Test
  void shouldPublishAManualInstructionAndReadItBackPending() {
    var r =
        client.post(
            "/api/v1/iot/devices/hvac/instructions",
            admin,
            "{\"action\":\"setpoint\",\"value\":18.5,\"duration_s\":900}");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    String id = r.json().get("command_id").asText();
    assertThat(r.json().get("status").asText()).isEqualTo("pending");
    assertThat(r.headers().firstValue("Location").orElse(null)).isEqualTo("/api/v1/commands/" + id);
    assertThat(published).hasSize(1);
    Command c = published.get(0);
    assertThat(c.commandId()).isEqualTo(id);
    assertThat(c.targetKind()).isEqualTo(TargetKind.DEVICE);
    assertThat(c.target()).isEqualTo("hvac");
    assertThat(c.building()).isEqualTo("hq");
    assertThat(c.device())
        .isEqualTo(new DeviceInstruction(DeviceInstruction.Action.SETPOINT, 18.5, 900L));
    assertThat(c.source()).isEqualTo(CommandSource.MANUAL);
    assertThat(c.issuedBy()).isEqualTo("alice");
    assertThat(c.validUntil()).isEqualTo(NOW.plus(DeviceService.ACCEPT_WITHIN));
    assertThat(c.mqttTopic()).isEqualTo("devices/hvac/instructions");

    var status = client.get("/api/v1/commands/" + id, admin);
    assertThat(status.status()).as(status.body()).isEqualTo(200);
    assertThat(status.json().get("status").asText()).isEqualTo("pending");
    assertThat(status.json().get("target_kind").asText()).isEqualTo("device");
    assertThat(status.json().get("action").asText()).isEqualTo("setpoint");
    assertThat(status.json().get("value").asDouble()).isEqualTo(18.5);
    assertThat(status.json().get("duration_s").asLong()).isEqualTo(900);

    var off =
        client.post(
            "/api/v1/iot/devices/fan/instructions",
            admin,
            "{\"action\":\"OFF\",\"duration_s\":60}");
    assertThat(off.status()).as(off.body()).isEqualTo(202);
    assertThat(published.get(1).validUntil())
        .as("valid only as long as it holds")
        .isEqualTo(NOW.plusSeconds(60));
    assertThat(published.get(1).device().value()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fan|{\"action\":\"setpoint\",\"value\":3}|422|action",
        "hvac|{\"action\":\"setpoint\",\"value\":40}|422|value",
        "hvac|{\"action\":\"setpoint\"}|422|value",
        "hvac|{\"action\":\"explode\"}|422|action",
        "hvac|{}|422|action",
        "hvac|{\"action\":\"off\",\"duration_s\":0}|422|duration_s",
        "hvac|{\"action\":\"off\",\"duration_s\":604801}|422|duration_s",
        "nope|{\"action\":\"off\"}|404|id",
      })
  void shouldRejectAnInstructionTheDeviceCannotDoNamingTheField(
      String device, String body, int status, String field) {
    assertProblem(
        client.post("/api/v1/iot/devices/" + device + "/instructions", admin, body), status, field);
    assertThat(published).isEmpty();
  }

  @Test
  void shouldSummariseStatesAndPowerOverTheTokensDevices() {
    var r = client.get("/api/v1/iot/devices/summary", viewer);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode s = r.json();
    assertThat(s.get("total_devices").asInt()).isEqualTo(3);
    assertThat(s.get("by_state").get("on").asInt()).isEqualTo(1);
    assertThat(s.get("by_state").get("off").asInt()).isEqualTo(1);
    assertThat(s.get("by_state").get("unknown").asInt()).isEqualTo(1);
    assertThat(s.get("by_type").get("hvac").get("on").asInt()).isEqualTo(1);
    assertThat(s.get("by_room").get("lab").get("unknown").asInt()).isEqualTo(1);
    assertThat(s.get("controllable_power_w").asDouble()).isEqualTo(1800.0);
    assertThat(s.get("controllable_power_kw").asDouble()).isEqualTo(1.8);
    assertThat(s.get("curtailable_power_w").asDouble()).isEqualTo(1800.0);
    assertThat(s.get("curtailable_power_kw").asDouble()).isEqualTo(1.8);
    assertThat(s.get("freshness_s").asLong()).isEqualTo(300);

    var annex = client.get("/api/v1/iot/devices/summary", annexAdmin).json();
    assertThat(annex.get("total_devices").asInt()).isEqualTo(1);
    assertThat(annex.get("controllable_power_w").asDouble()).isZero();
  }
}
