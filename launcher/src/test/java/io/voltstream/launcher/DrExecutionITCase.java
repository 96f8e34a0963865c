package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.config.CommonOptions;
import io.voltstream.energy.battery.BatterySpec;
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
import io.voltstream.jobs.dr.DrJob;
import io.voltstream.jobs.dr.DrJobConfig;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.dr.DrAnswer;
import io.voltstream.model.dr.DrEventStatus;
import io.voltstream.model.dr.DrExecution;
import io.voltstream.model.dr.DrInvitation;
import io.voltstream.sim.building.BuildingSimulation;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.device.battery.SimulatedBattery;
import io.voltstream.sim.device.iot.ConstantModel;
import io.voltstream.sim.device.iot.SimulatedDevice;
import io.voltstream.sim.mqtt.MqttPublisher;
import io.voltstream.sim.run.BatteryRunner;
import io.voltstream.sim.run.DeviceRunner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demand-response event executed and verified on real components: an opted-in invitation on Kafka
 * {@code dr-invitations} → the DR job (Flink MiniCluster, with the command-status job) → Kafka
 * {@code commands} → the command bridge in the real ingest → real mosquitto → a simulated battery
 * ({@link BatteryRunner}) and simulated devices ({@link DeviceRunner}: plug loads and a water
 * heater), whose acknowledgements and meter readings come back through ingest. The HVAC is played
 * by this test over MQTT as a device locked by its occupant: it rejects DR instructions (a
 * simulated device only refuses what it cannot do, which the DR job never asks), so the job
 * re-dispatches to the next loads. Verified: the battery discharges under DR commands, delivered kW
 * &gt; 0 on {@code dr-status} and in InfluxDB {@code dr_performance}, and the devices are switched
 * back on after the end. The event id is a UUID, as the API makes them (command ids then use the
 * hashed form).
 */
class DrExecutionITCase {
  private static final Logger LOG = LoggerFactory.getLogger(DrExecutionITCase.class);
  private static final String HQ = "dr-it";
  private static final String ROOM = "dr-it-room";
  private static final String METER = "dr-it-meter";
  private static final double BASE_LOAD_W = 3000;
  private static final Duration DEADLINE = Duration.ofSeconds(150);

  /** 10 kWh / 2 kW, so the request needs devices too. */
  private static final BatterySpec BATTERY =
      new BatterySpec("dr-it-battery", HQ, 10, 2000, 2000, 0.9, 5, 95, 10);

  private static final DeviceSpec HVAC = device("dr-it-hvac", DeviceType.HVAC, 1500, true);
  private static final DeviceSpec PLUGS = device("dr-it-plugs", DeviceType.PLUG_LOAD, 800, true);
  private static final DeviceSpec HEATER =
      device("dr-it-heater", DeviceType.WATER_HEATER, 2000, false);

  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private LocalFlinkCluster flink;
  private IngestApp ingest;
  private MqttPublisher batteryMqtt;
  private BatteryRunner batteries;
  private MqttPublisher deviceMqtt;
  private DeviceRunner devices;
  private MqttPublisher testMqtt;
  private ScheduledExecutorService meters;

  /** Every instruction seen on devices/+/instructions: "device:action:source". */
  private final List<String> received = new CopyOnWriteArrayList<>();

  private static DeviceSpec device(String id, DeviceType type, double ratedW, boolean curtail) {
    return new DeviceSpec(
        id,
        HQ,
        ROOM,
        null,
        type,
        ratedW,
        true,
        true,
        curtail ? FlexibilityKind.CURTAILABLE : FlexibilityKind.SHIFTABLE,
        Set.of(
            ControlCapability.ON_OFF,
            curtail ? ControlCapability.CURTAIL : ControlCapability.SHIFT),
        null,
        null,
        null,
        null);
  }

  @AfterEach
  void stop() throws Exception {
    if (meters != null) {
      meters.shutdownNow();
    }
    for (AutoCloseable c :
        new AutoCloseable[] {batteries, batteryMqtt, deviceMqtt, testMqtt, ingest, flink}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void anOptedInEventIsExecutedRedispatchedVerifiedAndRestored(@TempDir Path dir) throws Exception {
    KAFKA.createStandardTopics(1);
    String db = INFLUX.freshDatabase();
    Map<String, String> vars = new HashMap<>();
    vars.put(CommonOptions.KAFKA_BOOTSTRAP.name(), KAFKA.bootstrapServers());
    vars.put(CommonOptions.MQTT_URL.name(), MQTT.serverUri());
    vars.put(CommonOptions.INFLUX_URL.name(), INFLUX.url());
    vars.put(CommonOptions.INFLUX_DB.name(), db);
    vars.put(JobsConfig.CHECKPOINT_INTERVAL, "2s");
    vars.put(JobsConfig.MAX_OUT_OF_ORDERNESS, "1s");
    vars.put(JobsConfig.SOURCE_IDLENESS, "2s");
    vars.put(CommandStatusOptions.ACK_TIMEOUT.name(), "15s");
    vars.put(IngestOptions.CLIENT_ID.name(), "dr-it-ingest");
    vars.put(IngestOptions.METRICS_LOG_INTERVAL.name(), "0");
    registry();

    JobsConfig cfg = JobsConfig.fromEnv(vars);
    flink = LocalFlinkCluster.start(FreePorts.pick(), 4, dir.resolve("flink"));
    flink.submit(
        CommandStatusJob.JOB_NAME,
        cfg.checkpointInterval(),
        env -> CommandStatusJob.wireFromConfig(env, cfg, vars));
    flink.submit(
        DrJobConfig.JOB_NAME,
        cfg.checkpointInterval(),
        env -> DrJob.wireFromConfig(env, cfg, vars));
    ingest = IngestApp.start(IngestConfig.fromEnv(vars));
    assertThat(ingest.awaitSubscribed(Duration.ofSeconds(30))).as("ingest subscribed").isTrue();

    batteryMqtt = MqttPublisher.start(URI.create(MQTT.serverUri()), "dr-it-battery", 100);
    Instant now = Instant.now();
    batteries =
        new BatteryRunner(
                List.of(new SimulatedBattery(BATTERY, 50, now, now)),
                Clock.systemUTC(),
                Clock.systemUTC(),
                Duration.ofSeconds(1),
                batteryMqtt)
            .start();
    startDevices();

    // The event starts 45 s from now (the job meanwhile samples the pre-event load, its baseline
    // fallback without older history) and lasts one minute.
    Instant start = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
    DrInvitation inv =
        new DrInvitation(
            UUID.randomUUID().toString(),
            null,
            HQ,
            start,
            1,
            3.0,
            0.5,
            DrAnswer.OPT_IN,
            "test",
            "admin",
            now,
            null,
            now,
            "admin");
    send(Topics.DR_INVITATIONS.name(), inv.id(), inv);

    List<DrExecution> reports = new ArrayList<>();
    boolean completed =
        Waits.until(
            () -> {
              reports.clear();
              reports.addAll(reports(inv.id()));
              return reports.stream().anyMatch(r -> r.status() == DrEventStatus.COMPLETED);
            },
            DEADLINE.plus(Duration.ofSeconds(60)),
            Duration.ofSeconds(2));
    assertThat(completed).as("a completed report on dr-status; got " + reports).isTrue();

    // Verification: delivered > 0 while running and at the end, against the pre-event baseline.
    DrExecution last = reports.get(reports.size() - 1);
    LOG.info("final DR report: {}", last);
    assertThat(last.status()).isEqualTo(DrEventStatus.COMPLETED);
    assertThat(last.baselineMethod()).isEqualTo("pre_event");
    assertThat(last.baselineKw()).isGreaterThan(BASE_LOAD_W / 1000);
    assertThat(last.deliveredKw()).isPositive();
    assertThat(last.deliveredKwh()).isPositive();
    assertThat(last.benefitEur()).isPositive();
    assertThat(reports)
        .filteredOn(r -> r.status() == DrEventStatus.ACTIVE && r.deliveredKw() != null)
        .anySatisfy(r -> assertThat(r.deliveredKw()).isPositive());

    // The battery discharged under DR commands (its own telemetry says so).
    List<Command> dr = drCommands(inv.id());
    assertThat(dr)
        .filteredOn(c -> c.target().equals(BATTERY.id()))
        .anySatisfy(c -> assertThat(c.battery().mode()).isEqualTo(BatteryMode.DISCHARGE));
    assertThat(dr)
        .filteredOn(c -> c.target().equals(BATTERY.id()))
        .last()
        .satisfies(c -> assertThat(c.battery().mode()).isEqualTo(BatteryMode.AUTO));
    Set<String> drIds = new java.util.HashSet<>(dr.stream().map(Command::commandId).toList());
    assertThat(telemetry())
        .anySatisfy(
            t -> {
              assertThat(drIds).contains(t.commandId());
              assertThat(t.powerW()).isNegative();
            });

    // Order and re-dispatch: the HVAC (largest curtailable load) was asked first and rejected;
    // the plugs and then the shiftable heater were held instead, and switched back on at the end.
    assertThat(received)
        .contains(HVAC.id() + ":off:dr", PLUGS.id() + ":off:dr", HEATER.id() + ":off:dr");
    assertThat(received.indexOf(HVAC.id() + ":off:dr"))
        .isLessThan(received.indexOf(PLUGS.id() + ":off:dr"));
    assertThat(lastInstruction(PLUGS.id())).isEqualTo(PLUGS.id() + ":on:dr");
    assertThat(lastInstruction(HEATER.id())).isEqualTo(HEATER.id() + ":on:dr");
    // The simulated devices meter their load again after the restore.
    assertThat(
            Waits.until(
                () -> meteredOn(PLUGS.id()) && meteredOn(HEATER.id()), Duration.ofSeconds(30)))
        .as("plugs and heater metered on again")
        .isTrue();
    assertThat(last.controlled()).containsExactly(BATTERY.id(), PLUGS.id(), HEATER.id());
    List<SystemEvent> events = events(inv.id());
    assertThat(events)
        .extracting(SystemEvent::kind)
        .contains("dr_started", "dr_redispatch", "dr_completed");
    assertThat(events)
        .filteredOn(e -> e.kind().equals("dr_redispatch"))
        .singleElement()
        .satisfies(e -> assertThat(e.sensorId()).isEqualTo(HVAC.id()));

    // InfluxDB: the performance rows and the completed event.
    var performance =
        InfluxExtension.rows(
            INFLUX.awaitQuery(
                db,
                "SELECT delivered_kw, baseline_kw, metered_kw FROM dr_performance WHERE event_id ="
                    + " '"
                    + inv.id()
                    + "'",
                a ->
                    InfluxExtension.rows(a).stream()
                        .anyMatch(
                            r ->
                                r.get("delivered_kw") != null
                                    && !r.get("delivered_kw").isNull()
                                    && r.get("delivered_kw").asDouble() > 0),
                DEADLINE));
    assertThat(performance)
        .anySatisfy(r -> assertThat(r.get("delivered_kw").asDouble()).isPositive());
    var status =
        InfluxExtension.rows(
            INFLUX.awaitQuery(
                db,
                "SELECT status FROM dr_events WHERE event_id = '"
                    + inv.id()
                    + "' AND status = 'completed'",
                a -> !InfluxExtension.rows(a).isEmpty(),
                DEADLINE));
    assertThat(status).hasSize(1);
    assertThat(
            InfluxExtension.rows(
                INFLUX.awaitQuery(
                    db,
                    "SELECT message FROM events WHERE kind = 'dr_redispatch'",
                    a -> !InfluxExtension.rows(a).isEmpty(),
                    DEADLINE)))
        .singleElement()
        .satisfies(r -> assertThat(r.get("message").asText()).contains("locked by the occupant"));
  }

  private String lastInstruction(String device) {
    String last = null;
    for (String r : received) {
      if (r.startsWith(device + ":")) {
        last = r;
      }
    }
    return last;
  }

  /**
   * Plugs and heater on D1's {@link DeviceRunner} (constant power while on); the HVAC and the base
   * meter played here: the HVAC rejects every instruction and keeps drawing its power.
   */
  private void startDevices() {
    Instant now = Instant.now();
    deviceMqtt = MqttPublisher.start(URI.create(MQTT.serverUri()), "dr-it-devices", 100);
    BuildingSimulation building =
        new BuildingSimulation(DemoBuilding.layout(1, 1), 42, now, Duration.ofSeconds(1));
    List<DeviceRunner.Device> simulated = new ArrayList<>();
    for (DeviceSpec d : List.of(PLUGS, HEATER)) {
      simulated.add(
          new DeviceRunner.Device(
              new SimulatedDevice(
                  d,
                  new ConstantModel(d.ratedPowerW()),
                  new SimulatedDevice.Behaviour(true, null),
                  42,
                  0.0,
                  now,
                  now),
              0));
    }
    devices =
        new DeviceRunner(
                simulated,
                building,
                Clock.systemUTC(),
                Clock.systemUTC(),
                Duration.ofSeconds(1),
                deviceMqtt)
            .start();

    testMqtt = MqttPublisher.start(URI.create(MQTT.serverUri()), "dr-it-test", 100);
    testMqtt.subscribe("devices/+/instructions", this::onInstruction);
    testMqtt.subscribe("sensors/+/readings", this::onReading);
    meters =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dr-it-meters");
              t.setDaemon(true);
              return t;
            });
    meters.scheduleAtFixedRate(this::publishReadings, 0, 1, TimeUnit.SECONDS);
  }

  /**
   * Records every instruction; answers as the locked HVAC (the simulated devices answer theirs).
   */
  private void onInstruction(String topic, byte[] payload) {
    try {
      String device = topic.split("/")[1];
      JsonNode json = Json.MAPPER.readTree(payload);
      received.add(device + ":" + json.get("action").asText() + ":" + json.get("source").asText());
      if (!device.equals(HVAC.id())) {
        return;
      }
      Map<String, Object> ack = new HashMap<>();
      ack.put("command_id", json.get("command_id").asText());
      ack.put("status", "rejected");
      ack.put("reason", "locked by the occupant");
      ack.put("timestamp", Instant.now().toString());
      testMqtt.publish("devices/" + device + "/acks", Json.MAPPER.writeValueAsBytes(ack));
    } catch (Exception e) {
      throw new IllegalStateException("unreadable instruction on " + topic, e);
    }
  }

  /** The latest metered power of each simulated device, as its readings say. */
  private final Map<String, Double> metered = new ConcurrentHashMap<>();

  private void onReading(String topic, byte[] payload) {
    try {
      String sensor = topic.split("/")[1];
      JsonNode power = Json.MAPPER.readTree(payload).path("power").path("value");
      if (power.isNumber()) {
        metered.put(sensor, power.asDouble());
      }
    } catch (Exception e) {
      throw new IllegalStateException("unreadable reading on " + topic, e);
    }
  }

  private boolean meteredOn(String device) {
    return metered.getOrDefault(device, 0.0) > 0;
  }

  private void publishReadings() {
    long ms = Instant.now().toEpochMilli();
    for (Map.Entry<String, Double> e : Map.of(METER, BASE_LOAD_W, HVAC.id(), 1500.0).entrySet()) {
      String json =
          "{\"sensor_id\":\""
              + e.getKey()
              + "\",\"timestamp\":"
              + ms
              + ",\"sensor_type\":\"power\",\"power\":{\"value\":"
              + e.getValue()
              + ",\"unit\":\"W\"}}";
      testMqtt.publish(
          "sensors/" + e.getKey() + "/readings", json.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void registry() throws Exception {
    send(
        Topics.REGISTRY.name(),
        RegistryKey.building(HQ).encode(),
        new Building(HQ, "DR IT", null, null, null, null, null));
    send(
        Topics.REGISTRY.name(),
        RegistryKey.room(ROOM).encode(),
        Map.of("name", ROOM, "building", HQ));
    for (String sensor : List.of(METER, HVAC.id(), PLUGS.id(), HEATER.id())) {
      send(
          Topics.REGISTRY.name(),
          RegistryKey.sensor(sensor).encode(),
          Map.of("id", sensor, "room", ROOM, "sensor_type", "power"));
    }
    send(Topics.REGISTRY.name(), RegistryKey.battery(BATTERY.id()).encode(), BATTERY);
    for (DeviceSpec d : List.of(HVAC, PLUGS, HEATER)) {
      send(Topics.REGISTRY.name(), RegistryKey.device(d.id()).encode(), d);
    }
  }

  private static void send(String topic, String key, Object value) throws Exception {
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      producer
          .send(new ProducerRecord<>(topic, key, Json.MAPPER.writeValueAsString(value)))
          .get(10, TimeUnit.SECONDS);
    }
  }

  private static <T> List<T> read(String topic, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (ConsumerRecord<String, String> r :
        KAFKA.consume(topic, Integer.MAX_VALUE, Duration.ofSeconds(3))) {
      try {
        out.add(Json.MAPPER.readValue(r.value(), type));
      } catch (Exception e) {
        throw new AssertionError("not a " + type.getSimpleName() + ": " + r.value(), e);
      }
    }
    return out;
  }

  private static List<DrExecution> reports(String eventId) {
    return read(Topics.DR_STATUS.name(), DrExecution.class).stream()
        .filter(r -> r.eventId().equals(eventId))
        .toList();
  }

  private static List<Command> drCommands(String eventId) {
    return read(Topics.COMMANDS.name(), Command.class).stream()
        .filter(c -> c.source() == CommandSource.DR && eventId.equals(c.issuedBy()))
        .toList();
  }

  private static List<BatteryTelemetry> telemetry() {
    return read(Topics.BATTERY_STATE.name(), BatteryTelemetry.class);
  }

  private static List<SystemEvent> events(String eventId) {
    return read(Topics.EVENTS.name(), SystemEvent.class).stream()
        .filter(e -> e.eventId() != null && e.eventId().contains(eventId))
        .toList();
  }
}
