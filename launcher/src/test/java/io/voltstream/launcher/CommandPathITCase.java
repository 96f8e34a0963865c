package io.voltstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.config.CommonOptions;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.infra.FreePorts;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.infra.junit.MosquittoExtension;
import io.voltstream.ingest.IngestConfig;
import io.voltstream.ingest.IngestOptions;
import io.voltstream.ingest.app.IngestApp;
import io.voltstream.jobs.batterystate.BatteryStateJob;
import io.voltstream.jobs.commands.CommandStatusJob;
import io.voltstream.jobs.commands.CommandStatusOptions;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.launcher.stack.LocalFlinkCluster;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Topics;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import io.voltstream.model.command.CommandStatus;
import io.voltstream.sim.device.battery.SimulatedBattery;
import io.voltstream.sim.mqtt.MqttPublisher;
import io.voltstream.sim.run.BatteryRunner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command path on real components: a command written to Kafka {@code commands} → the command
 * bridge inside the real ingest → real mosquitto → a simulated battery, which applies it and
 * answers on {@code batteries/{id}/acks} → ingest → Kafka {@code command-acks} → the command-status
 * job on a Flink MiniCluster → InfluxDB {@code commands} and Kafka {@code command-status}; the
 * battery's state goes through ingest and the battery-state job to InfluxDB {@code battery_state}
 * with its registry building. One set of servers and jobs serves every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandPathITCase {
  private static final Logger LOG = LoggerFactory.getLogger(CommandPathITCase.class);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final String BUILDING = "it-building";
  private static final BatterySpec SPEC =
      new BatterySpec("it-battery-1", BUILDING, 10.0, 5000, 5000, 0.9, 5, 95, 10);

  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  private String db;
  private LocalFlinkCluster flink;
  private IngestApp ingest;
  private MqttPublisher batteryMqtt;
  private BatteryRunner batteries;

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
    vars.put(CommandStatusOptions.ACK_TIMEOUT.name(), "5s");
    vars.put(IngestOptions.CLIENT_ID.name(), "command-it-ingest");
    vars.put(IngestOptions.METRICS_LOG_INTERVAL.name(), "0");

    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.REGISTRY.name(),
                  RegistryKey.battery(SPEC.id()).encode(),
                  Json.MAPPER.writeValueAsString(SPEC)))
          .get();
    }
    JobsConfig cfg = JobsConfig.fromEnv(vars);
    flink = LocalFlinkCluster.start(FreePorts.pick(), 4, dir.resolve("flink"));
    flink.submit(
        CommandStatusJob.JOB_NAME,
        cfg.checkpointInterval(),
        env -> CommandStatusJob.wireFromConfig(env, cfg, vars));
    flink.submit(
        BatteryStateJob.JOB_NAME,
        cfg.checkpointInterval(),
        env -> BatteryStateJob.wireFromConfig(env, cfg));

    ingest = IngestApp.start(IngestConfig.fromEnv(vars));
    assertThat(ingest.awaitSubscribed(Duration.ofSeconds(30))).as("ingest subscribed").isTrue();

    batteryMqtt = MqttPublisher.start(URI.create(MQTT.serverUri()), "command-it-battery", 100);
    Instant now = Instant.now();
    batteries =
        new BatteryRunner(
                List.of(new SimulatedBattery(SPEC, 50, now, now)),
                Clock.systemUTC(),
                Clock.systemUTC(),
                Duration.ofMillis(500),
                batteryMqtt)
            .start();
    // Its state in InfluxDB tagged with the registry's building proves the battery is connected and
    // subscribed, and that the battery-state path works. The registry is read from the earliest
    // offset
    // alongside the telemetry, so the very first reports may still be `unassigned` (documented).
    var state =
        InfluxExtension.rows(
            INFLUX.awaitQuery(
                db,
                "SELECT soc_percent FROM battery_state WHERE battery_id = "
                    + "'it-battery-1' AND building = '"
                    + BUILDING
                    + "'",
                answer -> !InfluxExtension.rows(answer).isEmpty(),
                DEADLINE));
    assertThat(state).as("battery_state rows of it-battery-1 in " + BUILDING).isNotEmpty();
    assertThat(state.get(0).get("soc_percent").asDouble()).isEqualTo(50.0);
  }

  @AfterAll
  void stopPipeline() throws Exception {
    if (batteries != null) {
      batteries.close();
    }
    if (batteryMqtt != null) {
      batteryMqtt.close();
    }
    if (ingest != null) {
      ingest.close();
    }
    if (flink != null) {
      flink.close();
    }
  }

  private static Command charge(String batteryId, double powerW) {
    return Command.battery(
        UUID.randomUUID().toString(),
        batteryId,
        BUILDING,
        new BatterySetpoint(BatteryMode.CHARGE, powerW),
        Instant.now(),
        Duration.ofMinutes(2),
        CommandSource.MANUAL,
        "it");
  }

  private static void write(Command c) throws Exception {
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.COMMANDS.name(),
                  c.target(),
                  new String(Topics.COMMANDS.encodeValue(c), StandardCharsets.UTF_8)))
          .get();
    }
  }

  private Map<String, JsonNode> awaitCommandStatus(String commandId, String status) {
    String q = "SELECT * FROM commands WHERE command_id = '" + commandId + "'";
    var answer =
        INFLUX.awaitQuery(
            db,
            q,
            a ->
                InfluxExtension.rows(a).stream()
                    .anyMatch(row -> status.equals(row.get("status").asText())),
            DEADLINE);
    List<Map<String, JsonNode>> rows = InfluxExtension.rows(answer);
    assertThat(rows).as("InfluxDB commands rows of " + commandId).hasSize(1);
    assertThat(rows.get(0).get("status").asText()).isEqualTo(status);
    return rows.get(0);
  }

  private static List<CommandStatus> statusesOf(String commandId) throws Exception {
    List<CommandStatus> out = new java.util.ArrayList<>();
    for (ConsumerRecord<String, String> r :
        KAFKA.consume(Topics.COMMAND_STATUS.name(), 1000, Duration.ofSeconds(5))) {
      if (commandId.equals(r.key())) {
        out.add(
            Topics.COMMAND_STATUS.decodeValue(r.key(), r.value().getBytes(StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  @Test
  void chargeCommandIsAppliedAcknowledgedAndRaisesTheSoc() throws Exception {
    Command c = charge(SPEC.id(), 4000);
    write(c);

    Map<String, JsonNode> row = awaitCommandStatus(c.commandId(), "applied");
    long latencyMs = row.get("ack_latency_ms").asLong();
    LOG.info(
        "command {} applied; ack latency (issued → battery ack) {} ms", c.commandId(), latencyMs);
    assertThat(latencyMs).isBetween(0L, DEADLINE.toMillis());
    assertThat(row.get("target").asText()).isEqualTo(SPEC.id());
    assertThat(row.get("mode").asText()).isEqualTo("charge");
    assertThat(row.get("power_w").asDouble()).isEqualTo(4000.0);

    assertThat(statusesOf(c.commandId()))
        .extracting(s -> s.state().name())
        .containsSubsequence("PENDING", "APPLIED");

    // The battery reports the command and a rising SoC (4 kW into 10 kWh: +0.01 %/s)
    String q =
        "SELECT soc_percent, power_w, mode FROM battery_state WHERE command_id = '"
            + c.commandId()
            + "'";
    var answer =
        INFLUX.awaitQuery(
            db,
            q,
            a -> {
              var rows = InfluxExtension.rows(a);
              return rows.size() >= 3
                  && rows.get(rows.size() - 1).get("soc_percent").asDouble()
                      > rows.get(0).get("soc_percent").asDouble();
            },
            DEADLINE);
    var rows = InfluxExtension.rows(answer);
    assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
    assertThat(rows.get(rows.size() - 1).get("soc_percent").asDouble())
        .isGreaterThan(rows.get(0).get("soc_percent").asDouble());
    assertThat(rows.get(rows.size() - 1).get("mode").asText()).isEqualTo("charge");
    assertThat(rows.get(rows.size() - 1).get("power_w").asDouble()).isEqualTo(4000.0);
  }

  @Test
  void powerBeyondTheBatteryLimitIsRejectedWithTheReason() throws Exception {
    Command c = charge(SPEC.id(), 9000);
    write(c);
    Map<String, JsonNode> row = awaitCommandStatus(c.commandId(), "rejected");
    assertThat(row.get("reason").asText()).isEqualTo("power_w 9000 exceeds max_charge_w 5000");
    var events =
        INFLUX.awaitQuery(
            db,
            "SELECT * FROM events WHERE kind = 'command_rejected'",
            a -> !InfluxExtension.rows(a).isEmpty(),
            DEADLINE);
    assertThat(InfluxExtension.rows(events))
        .anySatisfy(e -> assertThat(e.get("message").asText()).contains(c.commandId()));
  }

  @Test
  void aBatteryThatNeverAnswersTimesOut() throws Exception {
    Command c = charge("silent-battery", 1000);
    write(c);
    Map<String, JsonNode> row = awaitCommandStatus(c.commandId(), "timeout");
    assertThat(row.get("status_at").asLong())
        .isEqualTo(c.issuedAt().plus(ACK_TIMEOUT).toEpochMilli());
    var events =
        INFLUX.awaitQuery(
            db,
            "SELECT * FROM events WHERE kind = 'command_timeout'",
            a -> !InfluxExtension.rows(a).isEmpty(),
            DEADLINE);
    assertThat(InfluxExtension.rows(events))
        .anySatisfy(e -> assertThat(e.get("message").asText()).contains(c.commandId()));
  }

  @Test
  void malformedTelemetryGoesToTheDeadLetterTopicWithItsReason() throws Exception {
    String topic = "batteries/it-battery-9/state";
    batteryMqtt
        .publish(
            topic,
            ("{\"soc_percent\": 140, \"power_w\": 0, \"timestamp\": \"" + Instant.now() + "\"}")
                .getBytes(StandardCharsets.UTF_8))
        .get();
    var deadline = Instant.now().plus(DEADLINE);
    JsonNode letter = null;
    while (letter == null && Instant.now().isBefore(deadline)) {
      for (ConsumerRecord<String, String> r :
          KAFKA.consume(Topics.READINGS_DLQ.name(), 1000, Duration.ofSeconds(2))) {
        if (topic.equals(r.key())) {
          letter = Json.MAPPER.readTree(r.value());
        }
      }
    }
    assertThat(letter).as("dead letter of " + topic).isNotNull();
    assertThat(letter.get("reason").asText()).startsWith("out_of_range: soc_percent");
    assertThat(letter.get("field").asText()).isEqualTo("soc_percent");
    assertThat(ingest.metrics().snapshot().rejectedByReason()).containsKey("out_of_range");
  }
}
