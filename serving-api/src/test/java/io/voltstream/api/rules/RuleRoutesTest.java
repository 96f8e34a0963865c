package io.voltstream.api.rules;

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
import io.voltstream.model.Building;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;
import io.voltstream.model.rules.AutomationRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The automation-rule routes through the real router and access check on the in-memory registry:
 * CRUD, enable/disable, roles, building scope, and every validation and reference failure as a 422
 * naming the field by its JSON path.
 */
class RuleRoutesTest {
  private static final String RULES = "/api/v1/automation/rules";

  private Javalin app;
  private ApiServer server;
  private ApiDependencies deps;
  private ApiTestClient client;
  private String admin;
  private String operator;
  private String viewer;
  private String annexAdmin;

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC);
    deps = ApiDependencies.inMemory(ApiConfig.fromEnv(Map.of(ApiConfig.PORT, "0")), clock);
    var registry = deps.registry();
    registry.createBuilding(new Building("hq", "HQ", null, null, null));
    registry.createBuilding(new Building("annex", "Annex", null, null, null));
    registry.createRoom(new Room("office", "hq", null));
    registry.createRoom(new Room("lab", "annex", null));
    registry.createSensor(new Sensor("office-co2", "office", SensorType.CO2, null, false));
    registry.putEntry(
        RegistryKey.device("office-ventilation"), fan("office-ventilation", "hq", "office"));
    registry.putEntry(
        RegistryKey.device("lab-ventilation"), fan("lab-ventilation", "annex", "lab"));
    registry.putEntry(
        RegistryKey.device("office-meter-only"),
        new DeviceSpec(
            "office-meter-only",
            "hq",
            "office",
            null,
            DeviceType.OTHER,
            100,
            false,
            false,
            FlexibilityKind.NONE,
            Set.of(),
            null,
            null,
            null,
            null));
    server = new ApiServer(deps);
    app = server.app().start("127.0.0.1", 0);
    client = new ApiTestClient(app.port());
    admin = token("alice", Role.ADMIN, List.of());
    operator = token("olga", Role.OPERATOR, List.of());
    viewer = token("victor", Role.VIEWER, List.of());
    annexAdmin = token("anna", Role.ADMIN, List.of("building:annex"));
  }

  @AfterEach
  void stop() {
    app.stop();
    server.close();
  }

  private String token(String who, Role role, List<String> permissions) {
    return deps.jwt().issue(who, role, permissions, Duration.ofHours(1)).token();
  }

  private static DeviceSpec fan(String id, String building, String room) {
    return new DeviceSpec(
        id,
        building,
        room,
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
        null);
  }

  /** The demo's CO2 rule as JSON, with {@code extra} fields merged over it. */
  static String co2Rule(String id, String room, String device) {
    return "{\"id\":\""
        + id
        + "\",\"building\":\"hq\",\"name\":\"CO2 ventilation\","
        + "\"condition\":{\"metric\":\"co2\",\"room\":\""
        + room
        + "\",\"aggregate\":\"avg\",\"window_s\":300,"
        + "\"comparison\":\"above\",\"threshold\":1000,\"clear_threshold\":800},"
        + "\"on_trigger\":{\"kind\":\"device_instruction\",\"target\":\""
        + device
        + "\",\"device\":{\"action\":\"on\"}},"
        + "\"on_clear\":{\"kind\":\"device_instruction\",\"target\":\""
        + device
        + "\",\"device\":{\"action\":\"off\"}},\"cooldown_s\":120}";
  }

  @Test
  void shouldCreateReadListReplaceDisableEnableAndDeleteARule() {
    var created = client.post(RULES, admin, co2Rule("co2-office", "office", "office-ventilation"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("enabled").asBoolean()).isTrue();
    assertThat(created.json().at("/condition/clear_threshold").asDouble()).isEqualTo(800.0);
    AutomationRule stored =
        deps.registry().entry(RegistryKey.rule("co2-office"), AutomationRule.class).orElseThrow();
    assertThat(stored.cooldownS()).isEqualTo(120);
    assertThat(stored.onClear().device().action().name()).isEqualTo("OFF");

    assertThat(client.get(RULES + "/co2-office", operator).json().get("id").asText())
        .isEqualTo("co2-office");
    assertThat(client.get(RULES, operator).json()).hasSize(1);

    var replaced =
        client.put(
            RULES + "/co2-office",
            admin,
            co2Rule("co2-office", "office", "office-ventilation").replace("1000", "1200"));
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(replaced.json().at("/condition/threshold").asDouble()).isEqualTo(1200.0);

    var disabled = client.post(RULES + "/co2-office/disable", admin, "");
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
    assertThat(client.get(RULES + "/co2-office", admin).json().get("enabled").asBoolean())
        .isFalse();
    assertThat(
            client.post(RULES + "/co2-office/enable", admin, "").json().get("enabled").asBoolean())
        .isTrue();

    assertThat(client.delete(RULES + "/co2-office", admin).status()).isEqualTo(204);
    assertThat(client.get(RULES + "/co2-office", admin).status()).isEqualTo(404);
    assertThat(deps.registry().entry(RegistryKey.rule("co2-office"), AutomationRule.class))
        .isEmpty();
  }

  @Test
  void shouldAnswer409ForAnExistingIdAnd404ForAMissingRule() {
    assertThat(client.post(RULES, admin, co2Rule("r1", "office", "office-ventilation")).status())
        .isEqualTo(201);
    var again = client.post(RULES, admin, co2Rule("r1", "office", "office-ventilation"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(client.get(RULES + "/nope", admin).status()).isEqualTo(404);
    assertThat(client.post(RULES + "/nope/enable", admin, "").status()).isEqualTo(404);
    assertThat(client.delete(RULES + "/nope", admin).status()).isEqualTo(404);
  }

  @Test
  void shouldLetAdminsManageOperatorsViewAndViewersNothing() {
    String body = co2Rule("r1", "office", "office-ventilation");
    assertThat(client.post(RULES, operator, body).status()).isEqualTo(403);
    assertThat(client.post(RULES, viewer, body).status()).isEqualTo(403);
    assertThat(client.post(RULES, admin, body).status()).isEqualTo(201);
    assertThat(client.get(RULES, viewer).status()).isEqualTo(403);
    assertThat(client.get(RULES + "/r1", viewer).status()).isEqualTo(403);
    assertThat(client.get(RULES + "/r1", operator).status()).isEqualTo(200);
    assertThat(client.post(RULES + "/r1/disable", operator, "").status()).isEqualTo(403);
    assertThat(client.delete(RULES + "/r1", operator).status()).isEqualTo(403);
  }

  @Test
  void shouldScopeRulesToTheTokensBuildings() {
    assertThat(client.post(RULES, admin, co2Rule("r1", "office", "office-ventilation")).status())
        .isEqualTo(201);
    assertThat(client.get(RULES, annexAdmin).json()).isEmpty();
    assertThat(client.get(RULES + "/r1", annexAdmin).status()).isEqualTo(403);
    assertThat(client.post(RULES + "/r1/disable", annexAdmin, "").status()).isEqualTo(403);
    assertThat(
            client.post(RULES, annexAdmin, co2Rule("r2", "office", "office-ventilation")).status())
        .isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          threshold missing        | "threshold":1000,                 | ''                                 | condition.threshold
          unknown metric           | "metric":"co2"                    | "metric":"radon"                   | condition.metric
          clear on the wrong side  | "clear_threshold":800             | "clear_threshold":1200             | condition.clear_threshold
          window too short         | "window_s":300                    | "window_s":5                       | condition.window_s
          room and sensor          | "room":"office"                   | "room":"office","sensor":"office-co2" | condition.room
          unknown room             | "room":"office"                   | "room":"attic"                     | condition.room
          room elsewhere           | "room":"office"                   | "room":"lab"                       | condition.room
          unknown building         | "building":"hq"                   | "building":"mars"                  | building
          negative cooldown        | "cooldown_s":120                  | "cooldown_s":-1                    | cooldown_s
          unknown device           | "target":"office-ventilation","device":{"action":"on"} | "target":"fan-9","device":{"action":"on"} | on_trigger.target
          device elsewhere         | "target":"office-ventilation","device":{"action":"on"} | "target":"lab-ventilation","device":{"action":"on"} | on_trigger.target
          device cannot            | "target":"office-ventilation","device":{"action":"on"} | "target":"office-ventilation","device":{"action":"setpoint","value":21} | on_trigger.device.action
          uncontrollable device    | "target":"office-ventilation","device":{"action":"on"} | "target":"office-meter-only","device":{"action":"on"} | on_trigger.device.action
          unknown action           | "device":{"action":"off"}         | "device":{"action":"blink"}        | on_clear.device.action
          kind missing             | "kind":"device_instruction","target":"office-ventilation","device":{"action":"off"} | "target":"office-ventilation","device":{"action":"off"} | on_clear.kind
          name too long            | "name":"CO2 ventilation"          | "name":"%s"                        | name
          event with a command     | "kind":"device_instruction","target":"office-ventilation","device":{"action":"off"} | "kind":"event","device":{"action":"off"} | on_clear.kind
          """)
  void shouldAnswer422NamingTheField(String what, String from, String to, String field) {
    String body = co2Rule("bad", "office", "office-ventilation");
    String changed = body.replace(from, to.replace("%s", "x".repeat(201)));
    assertThat(changed).as("the probe changed the body").isNotEqualTo(body);
    var r = client.post(RULES, admin, changed);
    assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode errors = r.json().get("errors");
    assertThat(errors).as(r.body()).hasSize(1);
    assertThat(errors.get(0).get("field").asText()).as(r.body()).isEqualTo(field);
    assertThat(client.get(RULES + "/bad", admin).status()).as("nothing stored").isEqualTo(404);
  }

  @Test
  void shouldAcceptASensorRuleWithAnEventActionAndDefaults() {
    String body =
        "{\"id\":\"cold\",\"building\":\"hq\",\"condition\":{\"metric\":\"temperature\","
            + "\"sensor\":\"office-co2\",\"window_s\":60,\"comparison\":\"below\",\"threshold\":16},\"on_trigger\":{\"kind\":\"event\",\"message\":\"too"
            + " cold\"}}";
    var r = client.post(RULES, admin, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().at("/condition/aggregate").asText()).isEqualTo("AVG");
    assertThat(r.json().at("/condition/clear_threshold").asDouble()).isEqualTo(16.0);
    assertThat(r.json().get("cooldown_s").asLong()).isZero();
    assertThat(r.json().has("on_clear")).isFalse();
  }

  @Test
  void shouldRejectAnIdInTheBodyThatDiffersFromThePath() {
    client.post(RULES, admin, co2Rule("r1", "office", "office-ventilation"));
    var r = client.put(RULES + "/r1", admin, co2Rule("r2", "office", "office-ventilation"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("id");
  }
}
