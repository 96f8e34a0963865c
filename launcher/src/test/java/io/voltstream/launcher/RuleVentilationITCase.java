package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.config.CommonOptions;
import io.voltstream.energy.device.DeviceSpec;
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
import io.voltstream.jobs.rules.RulesJob;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.model.Building;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.Sensor;
import io.voltstream.model.SensorType;
import io.voltstream.model.SystemEvent;
import io.voltstream.model.Topics;
import io.voltstream.model.command.CommandState;
import io.voltstream.model.command.CommandStatus;
import io.voltstream.model.command.DeviceInstruction;
import io.voltstream.model.rules.AutomationRule;
import io.voltstream.sim.building.BuildingSimulation;
import io.voltstream.sim.building.DemoBuilding;
import io.voltstream.sim.device.iot.PowerModels;
import io.voltstream.sim.device.iot.SimulatedDevice;
import io.voltstream.sim.mqtt.MqttPublisher;
import io.voltstream.sim.run.DeviceRunner;
import io.voltstream.sim.scenario.DemoDevices;
import io.voltstream.sim.scenario.DemoRules;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's CO2 rule on real components: CO2 readings published over real mosquitto → the real
 * ingest → Kafka {@code readings} → the rules job on a Flink MiniCluster (rule and device from the
 * registry topic) → a {@code rule} command on Kafka {@code commands} → ingest's command bridge →
 * MQTT → the simulated ventilation fan ({@link SimulatedDevice} in a {@link DeviceRunner}), which
 * applies it and acknowledges → ingest → Kafka {@code command-acks} → the command-status job →
 * {@code applied}. Above 1000 ppm the fan goes on; below 800 ppm it goes off again; both firings
 * are {@code rule_fired}/{@code rule_cleared} events on Kafka and in InfluxDB {@code events}. The
 * demo rule with a 10 s window and a 5 s cooldown, so the test takes seconds, not minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleVentilationITCase {
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final String ROOM = "office";
  private static final String SENSOR = "office-co2";
  private static final String FAN = DemoRules.ventilationOf(ROOM);
  private static final String RULE_ID = DemoRules.ruleId(ROOM);

  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private final AtomicReference<Double> co2Ppm = new AtomicReference<>();
  private String db;
  private LocalFlinkCluster flink;
  private IngestApp ingest;
  private MqttPublisher mqtt;
  private SimulatedDevice fan;
  private DeviceRunner devices;
  private ScheduledExecutorService sensor;

  @BeforeAll
  void startPipeline(@TempDir Path dir) throws Exception {
    KAFKA.createStandardTopics(1);
    db = INFLUX.freshDatabase();
    Map<String, String> vars = new HashMap<>();
    vars.put(CommonOptions.KAFKA_BOOTSTRAP.name(), KAFKA.bootstrapServers());
    vars.put(CommonOptions.MQTT_URL.name(), MQTT.serverUri());
    vars.put(CommonOptions.INFLUX_URL.name(), INFLUX.url());
    vars.put(CommonOptions.INFLUX_DB.name(), db);
    vars.put("VOLTSTREAM_CHECKPOINT_INTERVAL", "2s");
    vars.put("VOLTSTREAM_MAX_OUT_OF_ORDERNESS", "1s");
    vars.put("VOLTSTREAM_SOURCE_IDLENESS", "5s");
    vars.put(CommandStatusOptions.ACK_TIMEOUT.name(), "20s");
    vars.put(IngestOptions.CLIENT_ID.name(), "rule-it-ingest");
    vars.put(IngestOptions.METRICS_LOG_INTERVAL.name(), "0");

    DeviceSpec fanSpec =
        DemoDevices.all().stream()
            .map(DemoDevices.DemoDevice::spec)
            .filter(s -> s.id().equals(FAN))
            .findFirst()
            .orElseThrow();
    AutomationRule demo = DemoRules.co2Ventilation(ROOM);
    AutomationRule quick =
        new AutomationRule(
            demo.id(),
            demo.building(),
            demo.name(),
            true,
            new io.voltstream.model.rules.RuleCondition(
                demo.condition().metric(),
                ROOM,
                null,
                demo.condition().aggregate(),
                10,
                demo.condition().comparison(),
                demo.condition().threshold(),
                demo.condition().clearThreshold()),
            demo.onTrigger(),
            demo.onClear(),
            5);
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      register(
          producer, RegistryKey.building("demo"), new Building("demo", "Demo", null, null, null));
      register(producer, RegistryKey.room(ROOM), new Room(ROOM, "demo", 12.0));
      register(
          producer,
          RegistryKey.sensor(SENSOR),
          new Sensor(SENSOR, ROOM, SensorType.CO2, null, false));
      register(producer, RegistryKey.device(FAN), fanSpec);
      register(producer, RegistryKey.rule(RULE_ID), quick);
    }

    JobsConfig cfg = JobsConfig.fromEnv(vars);
    flink = LocalFlinkCluster.start(FreePorts.pick(), 4, dir.resolve("flink"));
    flink.submit(
        RulesJob.JOB_NAME,
        cfg.checkpointInterval(),
        env -> RulesJob.wireFromConfig(env, cfg, vars));
    flink.submit(
        CommandStatusJob.JOB_NAME,
        cfg.checkpointInterval(),
        env -> CommandStatusJob.wireFromConfig(env, cfg, vars));

    ingest = IngestApp.start(IngestConfig.fromEnv(vars));
    assertThat(ingest.awaitSubscribed(Duration.ofSeconds(30))).as("ingest subscribed").isTrue();

    mqtt = MqttPublisher.start(URI.create(MQTT.serverUri()), "rule-it-devices", 100);
    Instant now = Instant.now();
    fan =
        new SimulatedDevice(
            fanSpec,
            PowerModels.of(fanSpec, ZoneId.of("Europe/Brussels"), 7),
            new SimulatedDevice.Behaviour(false, null),
            7,
            0.0,
            now,
            now);
    BuildingSimulation building =
        new BuildingSimulation(DemoBuilding.layout(6, 1), 7, now, Duration.ofSeconds(5));
    devices =
        new DeviceRunner(
                List.of(new DeviceRunner.Device(fan, 0.0)),
                building,
                Clock.systemUTC(),
                Clock.systemUTC(),
                Duration.ofSeconds(2),
                mqtt)
            .start();

    // The room's CO2 sensor: one reading a second at the wall clock, the value the test sets.
    co2Ppm.set(600.0);
    sensor = Executors.newSingleThreadScheduledExecutor();
    sensor.scheduleAtFixedRate(this::publishCo2, 0, 1, TimeUnit.SECONDS);
  }

  private static void register(
      KafkaProducer<String, String> producer, RegistryKey key, Object value) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                Topics.REGISTRY.name(),
                key.encode(),
                new String(Topics.REGISTRY.encodeValue(value), StandardCharsets.UTF_8)))
        .get();
  }

  private void publishCo2() {
    String payload =
        "{\"sensor_id\":\""
            + SENSOR
            + "\",\"timestamp\":"
            + Instant.now().toEpochMilli()
            + ",\"room\":\""
            + ROOM
            + "\",\"sensor_type\":\"co2\",\"co2\":{\"value\":"
            + co2Ppm.get()
            + ",\"unit\":\"ppm\"}}";
    mqtt.publish("sensors/" + SENSOR + "/readings", payload.getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  void stopPipeline() throws Exception {
    if (sensor != null) {
      sensor.shutdownNow();
    }
    if (devices != null) {
      devices.close();
    }
    if (mqtt != null) {
      mqtt.close();
    }
    if (ingest != null) {
      ingest.close();
    }
    if (flink != null) {
      flink.close();
    }
  }

  /** The statuses on Kafka {@code command-status} of this rule's commands, in order. */
  private static List<CommandStatus> ruleStatuses() throws Exception {
    List<CommandStatus> out = new ArrayList<>();
    for (ConsumerRecord<String, String> r :
        KAFKA.consume(Topics.COMMAND_STATUS.name(), 10_000, Duration.ofSeconds(2))) {
      if (r.key() != null && r.key().startsWith("rule-" + RULE_ID + "-")) {
        out.add(
            Topics.COMMAND_STATUS.decodeValue(r.key(), r.value().getBytes(StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  private static Optional<CommandStatus> applied(DeviceInstruction.Action action) {
    try {
      return ruleStatuses().stream()
          .filter(s -> s.state() == CommandState.APPLIED)
          .filter(s -> s.device().action() == action)
          .findFirst();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<SystemEvent> ruleEvents() throws Exception {
    List<SystemEvent> out = new ArrayList<>();
    for (ConsumerRecord<String, String> r :
        KAFKA.consume(Topics.EVENTS.name(), 10_000, Duration.ofSeconds(2))) {
      SystemEvent e =
          Topics.EVENTS.decodeValue(r.key(), r.value().getBytes(StandardCharsets.UTF_8));
      if (e.eventId() != null && e.eventId().contains(":" + RULE_ID + ":")) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void theCo2RuleSwitchesTheVentilationOnAndBackOff() throws Exception {
    assertThat(fan.isOn(Instant.now())).isFalse();

    co2Ppm.set(1200.0);
    assertThat(Waits.until(() -> applied(DeviceInstruction.Action.ON).isPresent(), DEADLINE))
        .as("an applied rule command 'on'; statuses so far: %s", ruleStatuses())
        .isTrue();
    CommandStatus on = applied(DeviceInstruction.Action.ON).orElseThrow();
    assertThat(on.source().name()).isEqualTo("RULE");
    assertThat(on.target()).isEqualTo(FAN);
    assertThat(on.building()).isEqualTo("demo");
    assertThat(fan.isOn(Instant.now())).as("the fan runs").isTrue();

    co2Ppm.set(600.0);
    assertThat(Waits.until(() -> applied(DeviceInstruction.Action.OFF).isPresent(), DEADLINE))
        .as("an applied rule command 'off'; statuses so far: %s", ruleStatuses())
        .isTrue();
    CommandStatus off = applied(DeviceInstruction.Action.OFF).orElseThrow();
    assertThat(off.issuedAt())
        .as("the clear comes at least one cooldown after the firing")
        .isAfterOrEqualTo(on.issuedAt().plusSeconds(5));
    assertThat(fan.isOn(Instant.now())).as("the fan stopped").isFalse();

    List<SystemEvent> events = ruleEvents();
    assertThat(events)
        .extracting(SystemEvent::kind)
        .containsSubsequence("rule_fired", "rule_cleared");
    SystemEvent fired =
        events.stream().filter(e -> e.kind().equals("rule_fired")).findFirst().orElseThrow();
    assertThat(fired.building()).isEqualTo("demo");
    assertThat(fired.room()).isEqualTo(ROOM);
    assertThat(fired.value()).isGreaterThan(1000.0);
    assertThat(fired.threshold()).isEqualTo(1000.0);
    assertThat(fired.timestamp()).isEqualTo(on.issuedAt());

    var stored =
        INFLUX.awaitQuery(
            db,
            "SELECT * FROM events WHERE building = 'demo' AND room = '" + ROOM + "'",
            a ->
                InfluxExtension.rows(a).stream()
                    .map(r -> r.get("kind").asText())
                    .toList()
                    .containsAll(List.of("rule_fired", "rule_cleared")),
            DEADLINE);
    List<Map<String, JsonNode>> rows = InfluxExtension.rows(stored);
    assertThat(rows)
        .anySatisfy(
            r -> {
              assertThat(r.get("kind").asText()).isEqualTo("rule_cleared");
              assertThat(r.get("threshold").asDouble()).isEqualTo(800.0);
              assertThat(r.get("value").asDouble()).isLessThan(800.0);
            });
  }
}
