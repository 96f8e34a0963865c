package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.api.ApiApp;
import io.voltstream.api.ApiConfig;
import io.voltstream.config.CommonOptions;
import io.voltstream.energy.device.ControlCapability;
import io.voltstream.energy.device.DeviceSpec;
import io.voltstream.energy.device.DeviceType;
import io.voltstream.energy.device.FlexibilityKind;
import io.voltstream.infra.FreePorts;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestOptions;
import io.voltstream.ingest.app.IngestApp;
import io.voltstream.jobs.commands.CommandStatusJob;
import io.voltstream.jobs.commands.CommandStatusOptions;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.jobs.rawstore.RawReadingsJob;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.model.Json;
import io.voltstream.model.Topics;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.DeviceInstruction;
import io.voltstream.sim.building.BuildingSimulation;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.device.iot.PowerModels;
import io.voltstream.sim.device.iot.SimulatedDevice;
import io.voltstream.sim.mqtt.MqttPublisher;
import io.voltstream.sim.run.DeviceRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's device control on real components: an instruction through the real API ({@code POST
 * /iot/devices/{id}/instructions}) → Kafka {@code commands} → ingest's command bridge → real
 * mosquitto → a simulated device, which applies it, acknowledges on {@code devices/{id}/acks} and
 * meters its new power on {@code sensors/{id}/readings} → ingest → Kafka → the command-status and
 * raw-readings jobs on a Flink MiniCluster → InfluxDB {@code commands} ({@code applied}) and {@code
 * readings} (off → 0 W, on → rated). An instruction the device cannot do, written straight to Kafka
 * {@code commands} (the API refuses it with a 422 first), ends {@code rejected} with the device's
 * reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceCommandPathITCase {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
  private static final String BUILDING = "it-building";
  private static final String ROOM = "it-room";
  private static final DeviceSpec PLUGS =
      new DeviceSpec(
          "it-plugs",
          BUILDING,
          ROOM,
          "IT plugs",
          DeviceType.PLUG_LOAD,
          400,
          true,
          true,
          FlexibilityKind.CURTAILABLE,
          Set.of(ControlCapability.ON_OFF, ControlCapability.CURTAIL),
          null,
          null,
          null,
          null);
  private static final DeviceSpec FAN =
      new DeviceSpec(
          "it-fan",
          BUILDING,
          ROOM,
          "IT fan",
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

  /** Registered, but no simulated device answers for it. */
  private static final DeviceSpec SILENT =
      new DeviceSpec(
          "it-silent",
          BUILDING,
          ROOM,
          null,
          DeviceType.OTHER,
          100,
          true,
          false,
          FlexibilityKind.NONE,
          Set.of(ControlCapability.ON_OFF),
          null,
          null,
          null,
          null);

  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private final HttpClient http = HttpClient.newHttpClient();
  private String db;
  private LocalFlinkCluster flink;
  private IngestApp ingest;
  private ApiApp.Running api;
  private String token;
  private MqttPublisher deviceMqtt;
  private DeviceRunner devices;

  @BeforeAll
  void startPipeline(@TempDir Path dir) throws Exception {
    KAFKA.createStandardTopics(1);
    db = INFLUX.freshDatabase();
    Map<String, String> vars = new HashMap<>();
    vars.put(CommonOptions.KAFKA_BOOTSTRAP.name(), KAFKA.bootstrapServers());
    vars.put(CommonOptions.MQTT_URL.name(), MQTT.serverUri());
    vars.put(CommonOptions.INFLUX_URL.name(), INFLUX.url());
    vars.put(CommonOptions.INFLUX_DB.name(), db);
    vars.put(CommonOptions.DATA_DIR.name(), dir.resolve("api").toString());
    vars.put(ApiConfig.PORT, "0");
    vars.put("VOLTSTREAM_CHECKPOINT_INTERVAL", "2s");
    vars.put(CommandStatusOptions.ACK_TIMEOUT.name(), ACK_TIMEOUT.toSeconds() + "s");
    vars.put(IngestOptions.CLIENT_ID.name(), "device-it-ingest");
    vars.put(IngestOptions.METRICS_LOG_INTERVAL.name(), "0");

    JobsConfig cfg = JobsConfig.fromEnv(vars);
    flink = LocalFlinkCluster.start(FreePorts.pick(), 4, dir.resolve("flink"));
    flink.submit(
        CommandStatusJob.JOB_NAME,
        cfg.checkpointInterval(),
        env -> CommandStatusJob.wireFromConfig(env, cfg, vars));
    flink.submit(
        RawReadingsJob.NAME,
        cfg.checkpointInterval(),
        env -> RawReadingsJob.wireFromConfig(env, cfg));
    ingest = IngestApp.start(IngestConfig.fromEnv(vars));
    assertThat(ingest.awaitSubscribed(Duration.ofSeconds(30))).as("ingest subscribed").isTrue();
    api = ApiApp.start(ApiConfig.fromEnv(vars), vars);
    token = Files.readString(api.adminTokenFile(), StandardCharsets.UTF_8).trim();

    // the registry through the API: building, room, both devices
    assertThat(
            post("/api/v1/buildings", "{\"id\":\"" + BUILDING + "\",\"name\":\"IT\"}").statusCode())
        .isEqualTo(201);
    assertThat(
            post("/api/v1/rooms", "{\"name\":\"" + ROOM + "\",\"building\":\"" + BUILDING + "\"}")
                .statusCode())
        .isEqualTo(201);
    for (DeviceSpec d : List.of(PLUGS, FAN, SILENT)) {
      HttpResponse<String> r = post("/api/v1/iot/devices", Json.MAPPER.writeValueAsString(d));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    deviceMqtt = MqttPublisher.start(URI.create(MQTT.serverUri()), "device-it-devices", 100);
    Instant now = Instant.now();
    BuildingSimulation building =
        new BuildingSimulation(DemoBuilding.layout(6, 1), 42, now, Duration.ofSeconds(1));
    devices =
        new DeviceRunner(
                List.of(device(PLUGS, true, now), device(FAN, false, now)),
                building,
                Clock.systemUTC(),
                Clock.systemUTC(),
                Duration.ofMillis(500),
                deviceMqtt)
            .start();
    // readings of both meters in InfluxDB: the devices are connected and metered
    for (DeviceSpec d : List.of(PLUGS, FAN)) {
      assertThat(
              InfluxExtension.rows(
                  INFLUX.awaitQuery(
                      db,
                      "SELECT power_w FROM readings WHERE sensor_id = '" + d.id() + "'",
                      a -> !InfluxExtension.rows(a).isEmpty(),
                      DEADLINE)))
          .as("readings of " + d.id())
          .isNotEmpty();
    }
  }

  private static DeviceRunner.Device device(DeviceSpec spec, boolean on, Instant now) {
    return new DeviceRunner.Device(
        new SimulatedDevice(
            spec,
            PowerModels.of(spec, DemoBuilding.ZONE, 7),
            new SimulatedDevice.Behaviour(on, null),
            7,
            0.02,
            now,
            now),
        0);
  }

  @AfterAll
  void stopPipeline() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {devices, deviceMqtt, api, ingest, flink}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(api.baseUri().resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(api.baseUri().resolve(path))
                  .timeout(Duration.ofSeconds(10))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return Json.MAPPER.readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** POSTs an instruction, expects 202 pending, and returns the command id. */
  private String instruct(String device, String body) throws Exception {
    HttpResponse<String> r = post("/api/v1/iot/devices/" + device + "/instructions", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode json = Json.MAPPER.readTree(r.body());
    assertThat(json.path("status").asText()).isEqualTo("pending");
    return json.path("command_id").asText();
  }

  private Map<String, JsonNode> awaitCommand(String commandId, String status) {
    var rows =
        InfluxExtension.rows(
            INFLUX.awaitQuery(
                db,
                "SELECT * FROM commands WHERE command_id = '" + commandId + "'",
                a ->
                    InfluxExtension.rows(a).stream()
                        .anyMatch(row -> status.equals(row.get("status").asText())),
                DEADLINE));
    assertThat(rows).as("InfluxDB commands rows of " + commandId).hasSize(1);
    assertThat(rows.get(0).get("status").asText()).isEqualTo(status);
    return rows.get(0);
  }

  /** Metered power of {@code meter} in readings stamped after {@code after}, oldest first. */
  private List<Double> powerAfter(String meter, Instant after, int atLeast) {
    var rows =
        InfluxExtension.rows(
            INFLUX.awaitQuery(
                db,
                "SELECT power_w FROM readings WHERE sensor_id = '"
                    + meter
                    + "' AND time > '"
                    + after
                    + "'",
                a -> InfluxExtension.rows(a).size() >= atLeast,
                DEADLINE));
    return rows.stream().map(r -> r.get("power_w").asDouble()).toList();
  }

  @Test
  void anApiInstructionIsAppliedAcknowledgedAndChangesTheMeteredPower() throws Exception {
    List<Double> before = powerAfter(PLUGS.id(), Instant.now().minusSeconds(30), 2);
    assertThat(before.get(before.size() - 1)).as("plug loads on: %s", before).isGreaterThan(50);

    String off = instruct(PLUGS.id(), "{\"action\":\"off\"}");
    Map<String, JsonNode> row = awaitCommand(off, "applied");
    assertThat(row.get("target").asText()).isEqualTo(PLUGS.id());
    assertThat(row.get("target_kind").asText()).isEqualTo("device");
    assertThat(row.get("mode").asText()).isEqualTo("off");
    assertThat(row.get("source").asText()).isEqualTo("manual");
    assertThat(row.get("building").asText()).isEqualTo(BUILDING);
    assertThat(row.get("ack_latency_ms").asLong()).isBetween(0L, DEADLINE.toMillis());
    assertThat(
            Waits.until(
                () -> "applied".equals(get("/api/v1/commands/" + off).path("status").asText()),
                DEADLINE,
                POLL))
        .as("GET /commands/%s", off)
        .isTrue();
    Instant applied = Instant.ofEpochMilli(row.get("status_at").asLong());
    // the reading sent with the ack still covers some "on" time; those after it are 0 W
    List<Double> afterOff = powerAfter(PLUGS.id(), applied.plusSeconds(1), 3);
    assertThat(afterOff)
        .as("plug loads off: %s", afterOff)
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(p -> p == 0.0);

    String on = instruct(FAN.id(), "{\"action\":\"on\",\"duration_s\":600}");
    Map<String, JsonNode> fanRow = awaitCommand(on, "applied");
    Instant fanApplied = Instant.ofEpochMilli(fanRow.get("status_at").asLong());
    List<Double> fanPower = powerAfter(FAN.id(), fanApplied.plusSeconds(1), 3);
    assertThat(fanPower)
        .as("fan on at its rated 60 W (± 2 %% noise): %s", fanPower)
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(p -> p > 55 && p < 65);

    // the summary reads the meters' latest power: the fan is on, the plug loads off
    assertThat(
            Waits.until(
                () -> {
                  JsonNode s = get("/api/v1/iot/devices/summary");
                  return s.path("by_state").path("on").asInt() == 1
                      && s.path("by_state").path("off").asInt() == 1;
                },
                DEADLINE,
                POLL))
        .as("summary %s", get("/api/v1/iot/devices/summary"))
        .isTrue();
    JsonNode summary = get("/api/v1/iot/devices/summary");
    assertThat(summary.path("controllable_power_w").asDouble()).isBetween(55.0, 65.0);
    assertThat(summary.path("curtailable_power_w").asDouble()).isZero();
  }

  @Test
  void anInstructionTheDeviceCannotDoIsRejectedWithItsReason() throws Exception {
    HttpResponse<String> refused =
        post(
            "/api/v1/iot/devices/" + FAN.id() + "/instructions",
            "{\"action\":\"setpoint\",\"value\":2}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("\"action\"");

    // the device judges for itself too: the same instruction written straight to Kafka commands
    Command c =
        Command.device(
            UUID.randomUUID().toString(),
            FAN.id(),
            BUILDING,
            new DeviceInstruction(DeviceInstruction.Action.SETPOINT, 2.0),
            Instant.now(),
            Duration.ofMinutes(2),
            CommandSource.RULE,
            "it");
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.COMMANDS.name(),
                  c.target(),
                  new String(Topics.COMMANDS.encodeValue(c), StandardCharsets.UTF_8)))
          .get();
    }
    Map<String, JsonNode> row = awaitCommand(c.commandId(), "rejected");
    assertThat(row.get("reason").asText())
        .isEqualTo("action: device it-fan has no setpoint capability");
    var events =
        INFLUX.awaitQuery(
            db,
            "SELECT * FROM events WHERE kind = 'command_rejected'",
            a ->
                InfluxExtension.rows(a).stream()
                    .anyMatch(e -> e.get("message").asText().contains(c.commandId())),
            DEADLINE);
    assertThat(InfluxExtension.rows(events))
        .anySatisfy(e -> assertThat(e.get("message").asText()).contains(c.commandId()));
  }

  @Test
  void anInstructionNobodyAnswersTimesOut() throws Exception {
    String id = instruct(SILENT.id(), "{\"action\":\"off\"}");
    Map<String, JsonNode> row = awaitCommand(id, "timeout");
    assertThat(row.get("reason").asText()).isEqualTo("no acknowledgement within " + ACK_TIMEOUT);
    assertThat(
            Waits.until(
                () -> "timeout".equals(get("/api/v1/commands/" + id).path("status").asText()),
                DEADLINE,
                POLL))
        .isTrue();
  }
}
