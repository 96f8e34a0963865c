package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.influx.InfluxClient;
import io.voltstream.influx.InfluxQuery;
import io.voltstream.influx.Series;
import io.voltstream.infra.FreePorts;
import io.voltstream.infra.ProcessStats;
import io.voltstream.infra.TopicReader;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.model.DeadLetter;
import io.voltstream.model.Json;
import io.voltstream.model.Topics;
import io.voltstream.sim.SimulatorApp;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.building.MeteredBuilding;
import io.voltstream.sim.building.SimRoom;
import io.voltstream.sim.scenario.DemoBatteries;
import io.voltstream.sim.scenario.DemoCommunity;
import io.voltstream.sim.scenario.DemoDevices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 2's "Done when", end to end on the stack {@code ./voltstream demo} runs ({@link
 * DemoStack}): real in-process KRaft Kafka, real mosquitto and influxd child processes, every Flink
 * job in a MiniCluster, ingest, the API and the demo building's simulators with their default rate
 * (one reading per device every 5 s, no time acceleration). Device messages go through the real
 * {@code mosquitto_pub} binary. One stack serves all tests (it takes tens of seconds to start); the
 * tests run in order and the last one closes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class DemoStackITCase {
  private static final Logger LOG = LoggerFactory.getLogger(DemoStackITCase.class);

  private static final Duration ROOM_METRICS_BOUND = Duration.ofMinutes(2);
  // a window closes 1 min + 10 s out-of-orderness after it opens, plus the 1 s sink flush
  private static final Duration WINDOW_RESULT_TIMEOUT = Duration.ofSeconds(150);
  private static final Duration DLQ_TIMEOUT = Duration.ofSeconds(60);
  private static final String PROBE_SENSOR = "e2e-probe-meter";
  private static final String PROBE_ROOM = "kitchen";
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration COMMAND_APPLIED_TIMEOUT = Duration.ofSeconds(30);
  private static final String CI_MARKET = "ci-continuous";
  private static final String CI_SELLER = "ci-seller";
  private static final String CI_BUYER = "ci-buyer";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Path dataDir;
  private Instant startedAt;
  private Instant readyAt;
  private DemoStack stack;
  private InfluxClient influx;

  @BeforeAll
  void startDemoStack(@TempDir Path tempDir) throws Exception {
    dataDir = tempDir;
    Map<String, String> env = new HashMap<>();
    env.put("VOLTSTREAM_DATA_DIR", dataDir.toString());
    env.put("VOLTSTREAM_KAFKA_PORT", "0");
    env.put("VOLTSTREAM_MQTT_PORT", "0");
    env.put("VOLTSTREAM_INFLUX_PORT", "0");
    env.put("VOLTSTREAM_API_HOST", "127.0.0.1");
    env.put("VOLTSTREAM_API_PORT", "0");
    startedAt = Instant.now();
    stack = DemoStack.start(env, new DemoStack.Options(true, true, 0));
    readyAt = Instant.now();
    LOG.info("DemoStack started in {} s", seconds(startedAt, readyAt));
    influx = stack.infra().influxClient();
    registerContinuousMarket();
  }

  /**
   * A pay-as-bid market with two buildings of its own, registered at the start so that the market
   * job holds it long before Order 9 trades in it (the registry and the orders are different
   * topics: an order racing its market's registration is rejected as an unknown market).
   */
  private void registerContinuousMarket() throws Exception {
    String token = adminToken();
    URI base = stack.api().baseUri();
    HttpResponse<String> market =
        send(
            "PUT",
            base.resolve("/api/v1/p2p/markets/" + CI_MARKET),
            "{\"name\":\"CI continuous\",\"mode\":\"pay_as_bid\",\"gate_closure_seconds\":300}",
            token);
    assertThat(market.statusCode()).as("PUT market: %s", market.body()).isBetween(200, 201);
    for (String building : List.of(CI_SELLER, CI_BUYER)) {
      HttpResponse<String> created =
          send(
              "POST",
              base.resolve("/api/v1/buildings"),
              String.format(
                  Locale.ROOT,
                  "{\"id\":\"%s\",\"name\":\"%s\",\"market\":{\"market\":\"%s\",\"agent\":false}}",
                  building,
                  building,
                  CI_MARKET),
              token);
      assertThat(created.statusCode()).as("POST building: %s", created.body()).isEqualTo(201);
    }
  }

  @AfterAll
  void closeDemoStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void shouldWriteRoomMetricsOfEveryDemoRoomWithinTwoMinutesOfTheStackBeingUp() {
    Set<String> demoRooms =
        DemoBuilding.layout(6, 1).rooms().stream()
            .map(SimRoom::name)
            .collect(Collectors.toCollection(TreeSet::new));
    // Measured from the moment the stack is up (what `voltstream demo` prints its URLs at): how
    // long
    // the servers take to start depends on the box's load, which this test does not control.
    Instant deadline = readyAt.plus(ROOM_METRICS_BOUND);

    Set<String> seen = new TreeSet<>();
    Instant[] firstSeen = new Instant[1];
    Waits.until(
        () -> {
          seen.clear();
          seen.addAll(roomsWithMetrics(DemoBuilding.BUILDING_ID));
          if (firstSeen[0] == null && !seen.isEmpty()) {
            firstSeen[0] = Instant.now();
          }
          return seen.containsAll(demoRooms);
        },
        remaining(deadline),
        POLL);
    Instant firstSeenAt = firstSeen[0];
    Instant end = Instant.now();
    LOG.info(
        "room_metrics: stack up {} s after the start; first point {} s after the start ({} s after"
            + " the stack was up); {} of {} demo rooms {} s after the start",
        seconds(startedAt, readyAt),
        firstSeenAt == null ? "-" : seconds(startedAt, firstSeenAt),
        firstSeenAt == null ? "-" : seconds(readyAt, firstSeenAt),
        seen.size(),
        demoRooms.size(),
        seconds(startedAt, end));

    assertThat(seen)
        .as(
            "rooms of building '%s' with room_metrics points %s after the stack was up",
            DemoBuilding.BUILDING_ID, ROOM_METRICS_BOUND)
        .containsAll(demoRooms);
  }

  /**
   * Issue 10's community: the extra buildings' aggregate and PV meters reach {@code readings}, and
   * their main rooms get {@code room_metrics} under their own building, as fast as the demo's.
   */
  @Test
  @Order(1)
  void shouldStoreTheCommunityBuildingsReadingsAndRoomMetrics() {
    Instant deadline = readyAt.plus(ROOM_METRICS_BOUND);
    for (MeteredBuilding b : List.of(DemoCommunity.HOME_EAST, DemoCommunity.OFFICE_WEST)) {
      assertThat(
              Waits.until(
                  () -> roomsWithMetrics(b.id()).contains(b.mainRoom()), remaining(deadline), POLL))
          .as("room_metrics of %s in building %s", b.mainRoom(), b.id())
          .isTrue();
      Map<String, JsonNode> meter =
          awaitRow(
              remaining(deadline),
              () ->
                  firstRow(
                      "SELECT * FROM readings WHERE sensor_id = '" + b.meterId() + "' LIMIT 1"));
      assertThat(meter.get("room").asText()).isEqualTo(b.mainRoom());
      assertThat(meter.get("power_w").asDouble()).isPositive();
      assertThat(meter.get("energy_kwh").asDouble()).isPositive();
      Map<String, JsonNode> pv =
          awaitRow(
              remaining(deadline),
              () ->
                  firstRow(
                      "SELECT * FROM readings WHERE sensor_id = '" + b.pvSensorId() + "' LIMIT 1"));
      assertThat(pv.get("sensor_type").asText()).isEqualTo("pv");
      assertThat(pv.get("generation_kwh").asDouble()).isGreaterThanOrEqualTo(0.0);
    }
  }

  @Test
  @Order(2)
  void shouldStoreAReadingPublishedWithMosquittoPubAndCountItInItsRoomMetrics() throws Exception {
    Instant timestamp = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String payload =
        "{\"sensor_id\":\""
            + PROBE_SENSOR
            + "\",\"timestamp\":"
            + timestamp.toEpochMilli()
            + ",\"room\":\""
            + PROBE_ROOM
            + "\",\"sensor_type\":\"multi\""
            + ",\"energy\":{\"value\":12.5,\"unit\":\"Wh\"}"
            + ",\"power\":{\"value\":9.999,\"unit\":\"kW\"}"
            + ",\"temperature\":{\"value\":71.6,\"unit\":\"F\"}"
            + ",\"co2\":{\"value\":812,\"unit\":\"ppm\"}"
            + ",\"humidity\":{\"value\":44.5,\"unit\":\"%\"}}";

    mosquittoPub("sensors/" + PROBE_SENSOR + "/readings", payload);

    Map<String, JsonNode> stored =
        awaitRow(
            Duration.ofSeconds(60),
            () -> firstRow("SELECT * FROM readings WHERE sensor_id = '" + PROBE_SENSOR + "'"));
    assertThat(Instant.parse(stored.get("time").asText())).isEqualTo(timestamp);
    assertThat(stored.get("room").asText()).isEqualTo(PROBE_ROOM);
    assertThat(stored.get("sensor_type").asText()).isEqualTo("multi");
    assertThat(stored.get("energy_kwh").asDouble()).isCloseTo(0.0125, within(1e-9));
    assertThat(stored.get("power_w").asDouble()).isCloseTo(9999.0, within(1e-6));
    assertThat(stored.get("temperature_c").asDouble()).isCloseTo(22.0, within(1e-9));
    assertThat(stored.get("co2_ppm").asDouble()).isEqualTo(812.0);
    assertThat(stored.get("humidity_percent").asDouble()).isEqualTo(44.5);
    assertThat(stored.get("voltage_v").isNull())
        .as("voltage was not sent, so it is absent")
        .isTrue();

    Instant windowStart = timestamp.truncatedTo(ChronoUnit.MINUTES);
    Map<String, JsonNode> window =
        awaitRow(
            WINDOW_RESULT_TIMEOUT,
            () ->
                firstRow(
                    "SELECT * FROM room_metrics WHERE room = '"
                        + PROBE_ROOM
                        + "' AND time = '"
                        + windowStart
                        + "'"));
    LOG.info("room_metrics of {} for the window {}: {}", PROBE_ROOM, windowStart, window);
    assertThat(window.get("building").asText()).isEqualTo(DemoBuilding.BUILDING_ID);
    assertThat(window.get("power_max_w").asDouble())
        .as("the probe's 9,999 W is the window's maximum")
        .isCloseTo(9999.0, within(1e-6));
    assertThat(window.get("sample_count").asLong())
        .as("the probe and the simulated kitchen meter's readings")
        .isGreaterThanOrEqualTo(2);
    assertThat(window.get("energy_kwh").asDouble()).isGreaterThanOrEqualTo(0.0125);
  }

  @Test
  @Order(2)
  void shouldConnectEverySimulatedDeviceWithItsOwnLoginAndRefuseAnonymousClients()
      throws Exception {
    assertThat(stack.infra().mosquittoAuth()).as("demo broker runs with device auth").isPresent();
    SimulatorApp.Running sim = stack.simulators().orElseThrow();
    // sensors of the three buildings, the batteries and the devices: each its own login
    assertThat(sim.deviceConnections()).isGreaterThan(10);
    assertThat(sim.acknowledgedReadings()).isPositive();
    assertThat(sim.failedPublishes()).as("publishes refused or lost").isZero();
    PubResult anonymous = runMosquittoPub("sensors/anonymous/readings", "{}", List.of());
    assertThat(anonymous.exitCode())
        .as("anonymous mosquitto_pub: %s", anonymous.output())
        .isNotZero();
    assertThat(anonymous.output()).containsIgnoringCase("not authori");
  }

  @Test
  @Order(3)
  void shouldDeadLetterMalformedPayloadsWithTheirReasons() throws Exception {
    long now = System.currentTimeMillis();
    Map<String, String> payloadByTopic =
        Map.of(
            "sensors/e2e-bad-json/readings",
            "{\"sensor_id\":\"e2e-bad-json\",\"timestamp\":",
            "sensors/e2e-bad-unit/readings",
            "{\"sensor_id\":\"e2e-bad-unit\",\"timestamp\":"
                + now
                + ",\"sensor_type\":\"power\",\"power\":{\"value\":3,\"unit\":\"hp\"}}",
            "sensors/e2e-topic-id/readings",
            "{\"sensor_id\":\"someone-else\",\"timestamp\":"
                + now
                + ",\"sensor_type\":\"power\",\"power\":{\"value\":30,\"unit\":\"W\"}}");
    Map<String, String> expectedReason =
        Map.of(
            "sensors/e2e-bad-json/readings", "malformed_json",
            "sensors/e2e-bad-unit/readings", "unknown_unit",
            "sensors/e2e-topic-id/readings", "sensor_id_mismatch");
    for (Map.Entry<String, String> message : payloadByTopic.entrySet()) {
      mosquittoPub(message.getKey(), message.getValue());
    }

    Map<String, DeadLetter> byTopic = Map.of();
    Instant deadline = Instant.now().plus(DLQ_TIMEOUT);
    while (byTopic.size() < payloadByTopic.size() && Instant.now().isBefore(deadline)) {
      List<ConsumerRecord<String, String>> records =
          TopicReader.read(
              stack.environment().get("VOLTSTREAM_KAFKA_BOOTSTRAP"),
              Topics.READINGS_DLQ.name(),
              payloadByTopic.size(),
              Duration.ofSeconds(10));
      byTopic =
          records.stream()
              .map(r -> parse(r.value()))
              .filter(d -> payloadByTopic.containsKey(d.mqttTopic()))
              .collect(Collectors.toMap(DeadLetter::mqttTopic, d -> d, (a, b) -> a));
    }

    assertThat(byTopic).containsOnlyKeys(payloadByTopic.keySet());
    for (DeadLetter letter : byTopic.values()) {
      assertThat(letter.payload())
          .as("raw payload of %s", letter.mqttTopic())
          .isEqualTo(payloadByTopic.get(letter.mqttTopic()));
      assertThat(letter.reason())
          .as("reason of %s", letter.mqttTopic())
          .startsWith(expectedReason.get(letter.mqttTopic()) + ":");
    }
    assertThat(byTopic.get("sensors/e2e-bad-unit/readings").field()).isEqualTo("power.unit");
    assertThat(byTopic.get("sensors/e2e-topic-id/readings").field()).isEqualTo("sensor_id");
    assertThat(
            firstRow(
                "SELECT * FROM readings WHERE sensor_id = 'e2e-bad-unit' OR sensor_id ="
                    + " 'someone-else'"))
        .as("no rejected reading is stored")
        .isEmpty();
  }

  @Test
  @Order(4)
  void shouldServeHealthDashboardAndRoomsForTheBootstrapAdminToken() throws Exception {
    URI base = stack.api().baseUri();

    HttpResponse<String> health = get(base.resolve("/health"), null);
    assertThat(health.statusCode()).as("GET /health: %s", health.body()).isEqualTo(200);

    HttpResponse<String> dashboard = get(base.resolve("/"), null);
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .contains("text/html");
    assertThat(dashboard.body()).containsIgnoringCase("<html");

    Path tokenFile = dataDir.resolve("admin.token");
    assertThat(stack.api().adminTokenFile().toAbsolutePath()).isEqualTo(tokenFile.toAbsolutePath());
    assertThat(tokenFile).isRegularFile();
    assertThat(Files.getPosixFilePermissions(tokenFile))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    String token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();

    // the demo gives the API its MiniCluster's REST address: /health reports every job
    HttpResponse<String> figures = get(base.resolve("/api/v1/health"), token);
    assertThat(figures.statusCode()).as("GET /api/v1/health: %s", figures.body()).isEqualTo(200);
    assertThat(
            Json.MAPPER
                .readTree(figures.body())
                .path("flink")
                .path("jobs")
                .findValuesAsText("name"))
        .containsExactlyInAnyOrderElementsOf(io.voltstream.launcher.stack.StreamJobs.names());

    assertThat(get(base.resolve("/api/v1/rooms"), null).statusCode()).isEqualTo(401);
    assertThat(get(base.resolve("/api/v1/rooms"), "not-a-jwt").statusCode()).isEqualTo(401);
    // the registry view catches up with the simulators' registrations on the compacted topic
    List<HttpResponse<String>> answer =
        new ArrayList<>(List.of(get(base.resolve("/api/v1/rooms"), token)));
    Waits.until(
        () -> {
          HttpResponse<String> r = getOrThrow(base.resolve("/api/v1/rooms"), token);
          answer.set(0, r);
          return r.statusCode() == 200 && r.body().contains("\"" + PROBE_ROOM + "\"");
        },
        Duration.ofSeconds(30),
        POLL);
    HttpResponse<String> rooms = answer.get(0);
    assertThat(rooms.statusCode())
        .as("GET /api/v1/rooms with the admin token: %s", rooms.body())
        .isEqualTo(200);
    assertThat(rooms.body())
        .contains("\"" + PROBE_ROOM + "\"", "\"" + DemoBuilding.ROOF_ROOM + "\"");
  }

  /**
   * Issue 8's "Done when": a charge command from the API reaches a simulated battery over MQTT, is
   * acknowledged (status {@code applied} through the command-status job), its reported SoC rises,
   * and the dispatch job's decisions with their reasons are in InfluxDB.
   */
  @Test
  @Order(5)
  void shouldChargeADemoBatteryFromTheApiAndDispatchTheOthersWithReasons() throws Exception {
    URI base = stack.api().baseUri();
    String token = Files.readString(dataDir.resolve("admin.token"), StandardCharsets.UTF_8).trim();
    String battery = DemoBatteries.MAIN_ID;

    HttpRequest charge =
        HttpRequest.newBuilder(base.resolve("/api/v1/batteries/" + battery + "/charge"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"power_w\":4000,\"duration_s\":300}"))
            .build();
    HttpResponse<String> accepted =
        http.send(charge, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(accepted.statusCode()).as("POST charge: %s", accepted.body()).isEqualTo(202);
    String commandId = Json.MAPPER.readTree(accepted.body()).path("command_id").asText();
    assertThat(commandId).isNotBlank();

    URI statusUri = base.resolve("/api/v1/commands/" + commandId);
    assertThat(
            Waits.until(
                () -> "applied".equals(commandStatus(statusUri, token)),
                COMMAND_APPLIED_TIMEOUT,
                POLL))
        .as("command %s applied; last status %s", commandId, commandStatus(statusUri, token))
        .isTrue();

    // Reports every 5 s: three reports made while executing this command span >= 10 s of charging.
    List<Double> socs = awaitSocWhileExecuting(battery, commandId, 3, Duration.ofSeconds(40));
    assertThat(socs.get(socs.size() - 1))
        .as("SoC of %s while charging at 4 kW: %s", battery, socs)
        .isGreaterThan(socs.get(0));

    // Dispatch decides every 10 s of event time; the battery under the manual command is left
    // alone.
    var d = io.voltstream.influx.Schema.BATTERY_DISPATCH;
    Set<String> strategies = new TreeSet<>();
    Waits.until(
        () -> {
          strategies.clear();
          for (Series series : dispatchDecisions()) {
            strategies.add(series.tag(d.strategy));
            assertThat(series.values())
                .as("every decision has a reason")
                .allSatisfy(
                    row -> assertThat(Series.string(row, series.column(d.reason))).isNotBlank());
          }
          return strategies.contains("manual_override");
        },
        Duration.ofSeconds(45),
        POLL);
    assertThat(strategies)
        .as("strategies in the demo building's battery_dispatch")
        .contains("manual_override");
  }

  /**
   * Issue 9's "an instruction to a device is acknowledged and changes its metered power": the demo
   * devices are in the registry, and switching the kitchen's plug loads off through the API is
   * applied and brings their metered power to 0 W.
   */
  @Test
  @Order(6)
  void shouldSwitchADemoDeviceOffFromTheApiAndMeterItsPowerDrop() throws Exception {
    URI base = stack.api().baseUri();
    String token = Files.readString(dataDir.resolve("admin.token"), StandardCharsets.UTF_8).trim();
    URI plugs = base.resolve("/api/v1/iot/devices/" + DemoDevices.KITCHEN_PLUGS);
    assertThat(
            Waits.until(
                () -> "on".equals(deviceField(plugs, token, "state")),
                Duration.ofSeconds(60),
                POLL))
        .as("kitchen plugs on before: %s", deviceField(plugs, token, "power_w"))
        .isTrue();
    JsonNode all = Json.MAPPER.readTree(get(base.resolve("/api/v1/iot/devices"), token).body());
    assertThat(all.findValuesAsText("id"))
        .containsAll(DemoDevices.all().stream().map(d -> d.spec().id()).toList());

    HttpRequest off =
        HttpRequest.newBuilder(plugs.resolve(DemoDevices.KITCHEN_PLUGS + "/instructions"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"off\",\"duration_s\":300}"))
            .build();
    HttpResponse<String> accepted =
        http.send(off, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(accepted.statusCode()).as("POST instruction: %s", accepted.body()).isEqualTo(202);
    String commandId = Json.MAPPER.readTree(accepted.body()).path("command_id").asText();
    URI statusUri = base.resolve("/api/v1/commands/" + commandId);
    assertThat(
            Waits.until(
                () -> "applied".equals(commandStatus(statusUri, token)),
                COMMAND_APPLIED_TIMEOUT,
                POLL))
        .as("instruction %s applied; last status %s", commandId, commandStatus(statusUri, token))
        .isTrue();
    assertThat(
            Waits.until(
                () -> "0.0".equals(deviceField(plugs, token, "power_w")),
                Duration.ofSeconds(30),
                POLL))
        .as("kitchen plugs metered power after off: %s", deviceField(plugs, token, "power_w"))
        .isTrue();
    assertThat(deviceField(plugs, token, "state")).isEqualTo("off");
  }

  private String deviceField(URI device, String token, String field) {
    try {
      HttpResponse<String> r = get(device, token);
      return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()).path(field).asText() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Test
  @Order(7)
  void shouldReportTheDemoBuildingsFlexibilityContinuously() throws Exception {
    URI uri =
        stack
            .api()
            .baseUri()
            .resolve(
                "/api/v1/demand-response/flexibility/current?building=" + DemoBuilding.BUILDING_ID);
    String token = Files.readString(dataDir.resolve("admin.token"), StandardCharsets.UTF_8).trim();
    // The flexibility job evaluates every 10 s of event time: wait for two evaluations in which
    // every demo device has a fresh meter reading.
    Set<String> evaluations = new TreeSet<>();
    Map<String, String> deviceStates = new TreeMap<>();
    JsonNode[] building = new JsonNode[1];
    Waits.until(
        () -> {
          JsonNode answer = jsonOrEmpty(uri, token);
          deviceStates.clear();
          for (JsonNode b : answer.path("buildings")) {
            if (b.has("flexibility")) {
              building[0] = b.get("flexibility");
              evaluations.add(building[0].path("at").asText());
            }
            for (JsonNode r : b.path("rooms")) {
              r.path("devices")
                  .forEach(
                      d ->
                          deviceStates.put(
                              d.path("id").asText(), d.path("flexibility").path("state").asText()));
            }
          }
          return evaluations.size() >= 2
              && DemoDevices.all().stream()
                  .allMatch(d -> Set.of("on", "off").contains(deviceStates.get(d.spec().id())));
        },
        Duration.ofSeconds(90),
        POLL);
    assertThat(evaluations).as("building evaluations seen").hasSizeGreaterThanOrEqualTo(2);
    assertThat(deviceStates)
        .as("device states in the demo building's flexibility")
        .containsKeys(DemoDevices.all().stream().map(d -> d.spec().id()).toArray(String[]::new))
        .allSatisfy((id, state) -> assertThat(state).as(id).isIn("on", "off"));
    // The demo batteries start half full: both directions have headroom.
    assertThat(building[0].path("down_now_kw").asDouble()).isPositive();
    assertThat(building[0].path("up_now_kw").asDouble()).isPositive();
  }

  private JsonNode jsonOrEmpty(URI uri, String token) {
    try {
      HttpResponse<String> r = get(uri, token);
      return r.statusCode() == 200
          ? Json.MAPPER.readTree(r.body())
          : Json.MAPPER.createObjectNode();
    } catch (IOException e) {
      return Json.MAPPER.createObjectNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Issue 9's "Done when" for demand response: an invitation sent for a start 90 s ahead is
   * auto-accepted (the demo building auto-answers from its flexibility), becomes active at its
   * start and reports a positive delivered kW while it runs.
   */
  @Test
  @Order(8)
  void shouldAutoAcceptADrInvitationAndDeliverWhileItRuns() throws Exception {
    URI base = stack.api().baseUri();
    String token = Files.readString(dataDir.resolve("admin.token"), StandardCharsets.UTF_8).trim();
    Instant start =
        Instant.now().plusSeconds(90).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String body =
        String.format(
            Locale.ROOT,
            "{\"building\":\"%s\",\"start\":\"%s\",\"duration_minutes\":5,"
                + "\"requested_kw\":2.0,\"incentive_eur_per_kwh\":0.5}",
            DemoBuilding.BUILDING_ID,
            start);
    HttpRequest send =
        HttpRequest.newBuilder(base.resolve("/api/v1/demand-response/invitations/send"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> created =
        http.send(send, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(created.statusCode()).as("POST invitation: %s", created.body()).isEqualTo(201);
    JsonNode invitation = Json.MAPPER.readTree(created.body());
    assertThat(invitation.path("answer").asText())
        .as("auto-answer: %s", invitation.path("answer_reason").asText())
        .isEqualTo("opt_in");
    URI uri = base.resolve("/api/v1/demand-response/invitations/" + invitation.path("id").asText());

    JsonNode[] latest = new JsonNode[1];
    boolean delivering =
        Waits.until(
            () -> {
              latest[0] = jsonOrEmpty(uri, token);
              return "active".equals(latest[0].path("status").asText())
                  && latest[0].path("delivered_kw").asDouble(0) > 0;
            },
            // until a minute after the 5-minute event ends: the delivered figure is the mean since
            // the start, and on a busy box the first commands arrive late
            Duration.ofSeconds(90 + 5 * 60 + 60),
            POLL);
    assertThat(delivering)
        .as(
            "invitation active and delivering after its start %s: %s; DR commands: %s",
            start, latest[0], drCommandsSince(start))
        .isTrue();
    assertThat(Instant.now()).as("active only from its start").isAfterOrEqualTo(start);
    assertThat(latest[0].path("baseline_kw").asDouble()).isPositive();
  }

  /**
   * Issue 10's "Done when" in the demo: every community member's agent has orders in the book, and
   * an order posted through the API that crosses the book is matched — in a pay-as-bid market, so
   * without waiting for a gate closure — with the trade visible through the API, InfluxDB and the
   * live feed.
   */
  @Test
  @Order(9)
  void shouldRunTheAgentsAndMatchAnApiOrderThatCrossesTheBook() throws Exception {
    URI base = stack.api().baseUri();
    String token = adminToken();
    List<JsonNode> live = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.net.http.WebSocket socket = openMarketFeed(base, token, live);
    try {
      Set<String> members =
          Set.of(
              DemoBuilding.BUILDING_ID, DemoCommunity.HOME_EAST_ID, DemoCommunity.OFFICE_WEST_ID);
      JsonNode status = jsonOrEmpty(base.resolve("/api/v1/p2p/market/status"), token);
      Set<String> agentsOn = new TreeSet<>();
      for (JsonNode b : status.path("participants").path("buildings")) {
        if (b.path("agent").asBoolean()) {
          agentsOn.add(b.path("id").asText());
        }
      }
      assertThat(agentsOn)
          .as("community members with their agent on: %s", status)
          .isEqualTo(members);
      // An agent orders only what its building is short of or can spare in a slot (a building whose
      // battery covers its load has nothing to trade), so not every member has an order at every
      // moment; the office, without a battery, is never balanced.
      Set<String> withAgentOrders = new TreeSet<>();
      boolean agentsTrading =
          Waits.until(
              () -> {
                JsonNode orders =
                    jsonOrEmpty(base.resolve("/api/v1/p2p/orders?origin=agent&limit=1000"), token);
                withAgentOrders.addAll(orders.findValuesAsText("building"));
                return !withAgentOrders.isEmpty();
              },
              Duration.ofSeconds(180),
              POLL);
      assertThat(agentsTrading).as("agent orders in the community market").isTrue();
      assertThat(members).containsAll(withAgentOrders);

      Instant slot =
          io.voltstream.energy.market.MarketSpec.slotOf(Instant.now().plus(Duration.ofMinutes(20)));
      String sell = postOrder(base, token, CI_SELLER, "sell", 1.5, 0.12, slot);
      String buy = postOrder(base, token, CI_BUYER, "buy", 1.0, 0.20, slot);

      JsonNode[] trades = new JsonNode[1];
      boolean traded =
          Waits.until(
              () -> {
                trades[0] =
                    jsonOrEmpty(base.resolve("/api/v1/p2p/trades?market=" + CI_MARKET), token);
                return trades[0].findValuesAsText("buy_order_id").contains(buy);
              },
              Duration.ofSeconds(60),
              POLL);
      assertThat(traded).as("trade of %s against %s: %s", buy, sell, trades[0]).isTrue();
      JsonNode trade = null;
      for (JsonNode t : trades[0].findParents("buy_order_id")) {
        if (buy.equals(t.path("buy_order_id").asText())) {
          trade = t;
        }
      }
      assertThat(trade.path("sell_order_id").asText()).isEqualTo(sell);
      assertThat(trade.path("buyer").asText()).isEqualTo(CI_BUYER);
      assertThat(trade.path("seller").asText()).isEqualTo(CI_SELLER);
      assertThat(trade.path("energy_kwh").asDouble()).isCloseTo(1.0, within(1e-9));
      // pay-as-bid: the bid's limit
      assertThat(trade.path("price_eur_per_kwh").asDouble()).isCloseTo(0.20, within(1e-9));
      assertThat(Instant.parse(trade.path("slot").asText())).isEqualTo(slot);

      String tradeQuery =
          "SELECT energy_kwh, price_eur_per_kwh, sell_order_id FROM market_trades WHERE market = '"
              + CI_MARKET
              + "' AND buy_order_id = '"
              + buy
              + "'";
      Map<String, JsonNode> stored = awaitRow(Duration.ofSeconds(30), () -> firstRow(tradeQuery));
      assertThat(stored.get("sell_order_id").asText()).isEqualTo(sell);
      assertThat(stored.get("energy_kwh").asDouble()).isCloseTo(1.0, within(1e-9));

      boolean pushed =
          Waits.until(
              () ->
                  live.stream()
                      .anyMatch(
                          m ->
                              "trade".equals(m.path("kind").asText())
                                  && buy.equals(m.path("buy_order_id").asText())),
              Duration.ofSeconds(30),
              POLL);
      assertThat(pushed).as("trade on the live market feed; got %s", live).isTrue();

      JsonNode[] seller = new JsonNode[1];
      Waits.until(
          () -> {
            seller[0] = jsonOrEmpty(base.resolve("/api/v1/p2p/orders/" + sell), token);
            return "partially_filled".equals(seller[0].path("state").asText());
          },
          Duration.ofSeconds(30),
          POLL);
      assertThat(seller[0].path("state").asText())
          .as("%s", seller[0])
          .isEqualTo("partially_filled");
      assertThat(seller[0].path("remaining_kwh").asDouble()).isCloseTo(0.5, within(1e-9));
    } finally {
      socket.abort();
    }
  }

  @Test
  @Order(10)
  void shouldStopEveryServerProcessOnClose() {
    long mosquittoPid = stack.infra().mosquitto().pid().orElseThrow();
    long influxPid = stack.infra().influx().pid().orElseThrow();
    int apiPort = stack.api().port();
    assertThat(ProcessStats.isAlive(mosquittoPid)).isTrue();
    assertThat(ProcessStats.isAlive(influxPid)).isTrue();

    Instant closing = Instant.now();
    stack.close();
    LOG.info("DemoStack closed in {} ms", Duration.between(closing, Instant.now()).toMillis());

    Waits.until(
        () -> !ProcessStats.isAlive(mosquittoPid) && !ProcessStats.isAlive(influxPid),
        Duration.ofSeconds(20),
        POLL);
    assertThat(ProcessStats.isAlive(mosquittoPid))
        .as("mosquitto pid %d alive", mosquittoPid)
        .isFalse();
    assertThat(ProcessStats.isAlive(influxPid)).as("influxd pid %d alive", influxPid).isFalse();
    assertThat(FreePorts.isAccepting("127.0.0.1", apiPort)).as("API port still open").isFalse();
  }

  /** The DR job's battery and device commands since {@code from}, to tell why delivery failed. */
  private String drCommandsSince(Instant from) {
    List<Series> answer =
        influx.query(
            InfluxQuery.of(
                "SELECT status, mode, power_w, reason, valid_until, status_at FROM commands"
                    + " WHERE source = 'dr' AND time >= '"
                    + from.minusSeconds(60)
                    + "' GROUP BY target"));
    return answer.toString(); // one series per target, with its columns and rows
  }

  private String adminToken() throws IOException {
    return Files.readString(dataDir.resolve("admin.token"), StandardCharsets.UTF_8).trim();
  }

  /** Places an order through the API; returns its id. */
  private String postOrder(
      URI base, String token, String building, String side, double kwh, double price, Instant slot)
      throws Exception {
    String body =
        String.format(
            Locale.ROOT,
            "{\"building\":\"%s\",\"side\":\"%s\",\"energy_kwh\":%s,"
                + "\"price_eur_per_kwh\":%s,\"delivery_start\":\"%s\"}",
            building,
            side,
            kwh,
            price,
            slot);
    HttpResponse<String> r = send("POST", base.resolve("/api/v1/p2p/transactions"), body, token);
    assertThat(r.statusCode()).as("POST order: %s", r.body()).isEqualTo(202);
    return Json.MAPPER.readTree(r.body()).path("id").asText();
  }

  /** A WebSocket subscribed to the {@code market} stream; every message lands in {@code into}. */
  private java.net.http.WebSocket openMarketFeed(URI base, String token, List<JsonNode> into)
      throws Exception {
    URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws?token=" + token);
    StringBuilder partial = new StringBuilder();
    java.net.http.WebSocket socket =
        http.newWebSocketBuilder()
            .buildAsync(
                ws,
                new java.net.http.WebSocket.Listener() {
                  @Override
                  public java.util.concurrent.CompletionStage<?> onText(
                      java.net.http.WebSocket w, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      try {
                        into.add(Json.MAPPER.readTree(partial.toString()));
                      } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                      partial.setLength(0);
                    }
                    w.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    socket.sendText("{\"action\":\"subscribe\",\"streams\":[\"market\"]}", true);
    return socket;
  }

  private HttpResponse<String> send(String method, URI uri, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private Set<String> roomsWithMetrics(String building) {
    List<Series> answer =
        influx.query(
            InfluxQuery.of(
                "SELECT count(sample_count) FROM room_metrics WHERE building = '"
                    + building
                    + "' GROUP BY room"));
    Set<String> rooms = new TreeSet<>();
    for (Series series : answer) {
      rooms.add(series.tags().get("room"));
    }
    return rooms;
  }

  /** The first row of an InfluxQL answer as column → value, empty when there is none. */
  private Optional<Map<String, JsonNode>> firstRow(String influxql) {
    return InfluxExtension.rows(influx.query(InfluxQuery.of(influxql))).stream().findFirst();
  }

  private static Map<String, JsonNode> awaitRow(
      Duration timeout, Supplier<Optional<Map<String, JsonNode>>> query) {
    List<Optional<Map<String, JsonNode>>> row = new ArrayList<>(List.of(Optional.empty()));
    Waits.until(
        () -> {
          row.set(0, query.get());
          return row.get(0).isPresent();
        },
        timeout,
        POLL);
    assertThat(row.get(0)).as("no row within %s", timeout).isPresent();
    return row.get(0).orElseThrow();
  }

  /**
   * The SoC of every report {@code batteryId} made while executing {@code commandId}, oldest first,
   * once there are at least {@code reports} of them (polled until {@code timeout}).
   */
  private List<Double> awaitSocWhileExecuting(
      String batteryId, String commandId, int reports, Duration timeout) {
    var b = io.voltstream.influx.Schema.BATTERY_STATE;
    List<Double> socs = new ArrayList<>();
    Waits.until(
        () -> {
          socs.clear();
          for (Series series :
              influx.query(
                  InfluxQuery.of("SELECT ")
                      .column(b.socPercent)
                      .text(" FROM ")
                      .from(b)
                      .text(" WHERE ")
                      .eq(b.batteryId, "battery_id", batteryId)
                      .text(" AND ")
                      .column(b.commandId)
                      .text(" = ")
                      .literal(commandId))) {
            series
                .values()
                .forEach(row -> socs.add(Series.number(row, series.column(b.socPercent))));
          }
          return socs.size() >= reports;
        },
        timeout,
        POLL);
    assertThat(socs)
        .as("battery_state reports of %s executing %s", batteryId, commandId)
        .hasSizeGreaterThanOrEqualTo(reports);
    return List.copyOf(socs);
  }

  private List<Series> dispatchDecisions() {
    var d = io.voltstream.influx.Schema.BATTERY_DISPATCH;
    return influx.query(
        InfluxQuery.of("SELECT ")
            .columns(d.setpointW, d.reason)
            .text(" FROM ")
            .from(d)
            .text(" WHERE ")
            .eq(d.building, "building", DemoBuilding.BUILDING_ID)
            .text(" GROUP BY ")
            .column(d.strategy));
  }

  private String commandStatus(URI uri, String token) {
    try {
      HttpResponse<String> r = get(uri, token);
      return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()).path("status").asText() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Publishes like a device would, with mosquitto_pub. The demo's broker admits only accounts: this
   * test stands in for many sensors at once, so it uses a service account that may publish readings
   * of any sensor (created with the broker's admin, as an operator would).
   */
  private void mosquittoPub(String topic, String payload) throws IOException, InterruptedException {
    List<String> login =
        stack.infra().mosquittoAuth().isPresent()
            ? List.of("-u", E2E_PUBLISHER, "-P", e2ePublisherPassword())
            : List.of();
    PubResult result = runMosquittoPub(topic, payload, login);
    assertThat(result.exitCode())
        .as("mosquitto_pub exit code, output: %s", result.output())
        .isZero();
  }

  private record PubResult(int exitCode, String output) {}

  /** Runs mosquitto_pub (QoS 1) against the demo's broker with {@code extraArgs}. */
  private PubResult runMosquittoPub(String topic, String payload, List<String> extraArgs)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "mosquitto_pub",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(stack.infra().mosquitto().port()),
                "-q",
                "1",
                "-t",
                topic,
                "-m",
                payload));
    command.addAll(extraArgs);
    Process pub = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      boolean exited = pub.waitFor(30, TimeUnit.SECONDS);
      String output = new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(exited).as("mosquitto_pub finished").isTrue();
      return new PubResult(pub.exitValue(), output);
    } finally {
      pub.destroyForcibly();
    }
  }

  private static final String E2E_PUBLISHER = "e2e-test-publisher";
  private String e2ePublisher;

  private synchronized String e2ePublisherPassword() {
    if (e2ePublisher == null) {
      // the admin connection closes with the stack
      var credentials = stack.infra().mqttAccounts(stack.lifecycle()).orElseThrow();
      String password = credentials.newPassword();
      credentials.ensureService(
          E2E_PUBLISHER,
          new io.voltstream.api.mqttauth.MqttGrants(
              java.util.List.of("sensors/+/readings"), java.util.List.of()),
          password);
      e2ePublisher = password;
    }
    return e2ePublisher;
  }

  /** {@link #get} inside a poll condition (checked exceptions rethrown unchecked). */
  private HttpResponse<String> getOrThrow(URI uri, String bearer) {
    try {
      return get(uri, bearer);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private HttpResponse<String> get(URI uri, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static DeadLetter parse(String json) {
    try {
      return Json.MAPPER.readValue(json, DeadLetter.class);
    } catch (IOException e) {
      throw new AssertionError("readings.dlq holds a value that is not a DeadLetter: " + json, e);
    }
  }

  private static Duration remaining(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static String seconds(Instant from, Instant to) {
    return String.format(Locale.ROOT, "%.1f", Duration.between(from, to).toMillis() / 1000.0);
  }
}
