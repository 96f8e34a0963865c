package io.voltstream.jobs.dispatch;

import static io.voltstream.jobs.dispatch.logic.DispatchTestData.BIG;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SELF_CONSUMPTION;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.SMALL;
import static io.voltstream.jobs.dispatch.logic.DispatchTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.influx.Series;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.dispatch.logic.BuildingDispatcher;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import io.voltstream.model.command.BatteryMode;
import io.voltstream.model.command.BatterySetpoint;
import io.voltstream.model.command.Command;
import io.voltstream.model.command.CommandSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production wiring ({@link DispatchJob#wireFromConfig}) on real Kafka and a real influxd: a
 * registered building with PV surplus and two batteries, one of them under a manual command, gets
 * {@code dispatch} charge commands on Kafka {@code commands} and its decisions in {@code
 * battery_dispatch}.
 */
class DispatchJobITCase {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String HQ = "demo";

  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();
  @RegisterExtension static final InfluxExtension INFLUX = new InfluxExtension();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private JobClient job;

  @AfterEach
  void tearDown() throws Exception {
    if (job != null) {
      job.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldCommandTheBatteriesOfARegisteredBuildingAndRecordEachDecision() throws Exception {
    KAFKA.createStandardTopics(2);
    String db = INFLUX.freshDatabase();
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      send(
          producer,
          Topics.REGISTRY.name(),
          RegistryKey.building(HQ).encode(),
          new Building(HQ, "Demo", null, null, null, null, SELF_CONSUMPTION));
      send(
          producer,
          Topics.REGISTRY.name(),
          RegistryKey.room("kitchen").encode(),
          Map.of("name", "kitchen", "building", HQ));
      for (String sensor : List.of("meter", "roof")) {
        send(
            producer,
            Topics.REGISTRY.name(),
            RegistryKey.sensor(sensor).encode(),
            Map.of("id", sensor, "room", "kitchen"));
      }
      for (BatterySpec b : List.of(BIG, SMALL)) {
        send(producer, Topics.REGISTRY.name(), RegistryKey.battery(b.id()).encode(), b);
      }
      // An operator's manual command for the small battery, valid for an hour of event time.
      send(
          producer,
          Topics.COMMANDS.name(),
          SMALL.id(),
          Command.battery(
              "manual-1",
              SMALL.id(),
              HQ,
              BatterySetpoint.ofSignedPowerW(-1000),
              T0,
              Duration.ofHours(1),
              CommandSource.MANUAL,
              "admin"));

      Map<String, String> vars = new HashMap<>();
      vars.put(JobsConfig.KAFKA_BOOTSTRAP, KAFKA.bootstrapServers());
      vars.put(JobsConfig.INFLUX_URL, INFLUX.url());
      vars.put(JobsConfig.INFLUX_DB, db);
      vars.put(JobsConfig.CHECKPOINT_INTERVAL, "1s");
      vars.put(JobsConfig.MAX_OUT_OF_ORDERNESS, "1s");
      vars.put(JobsConfig.SOURCE_IDLENESS, "2s");
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      DispatchJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
      job = env.executeAsync(DispatchJobConfig.JOB_NAME);

      // Event time moves with the data: the building keeps reporting (5 s of event time per round)
      // until both kinds of decision are stored or the deadline passes.
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      Instant t = T0;
      while (System.nanoTime() < deadline
          && (count(db, "self_consumption") < 4 || count(db, "manual_override") < 1)) {
        send(
            producer, Topics.READINGS.name(), "meter", reading("meter", SensorType.POWER, 1000, t));
        // The PV reports energy only, like the simulated roof: 4 kW over 5 s.
        send(
            producer,
            Topics.READINGS.name(),
            "roof",
            new SensorReading(
                "roof",
                t,
                null,
                SensorType.PV,
                null,
                null,
                null,
                null,
                null,
                null,
                4000 * 5 / 3.6e6,
                t));
        for (BatterySpec b : List.of(BIG, SMALL)) {
          send(
              producer,
              Topics.BATTERY_STATE.name(),
              b.id(),
              new BatteryTelemetry(
                  b.id(), t, 50, b == SMALL ? -1000 : 0, null, null, null, null, "idle", null, t));
        }
        t = t.plusSeconds(5);
      }
    }

    assertThat(count(db, "self_consumption")).isGreaterThanOrEqualTo(4);
    assertThat(count(db, "manual_override")).isGreaterThanOrEqualTo(1);
    List<Command> dispatched =
        KAFKA.consumeValues(Topics.COMMANDS.name(), 5, Duration.ofSeconds(5)).stream()
            .map(DispatchJobITCase::command)
            .filter(c -> c.source() == CommandSource.DISPATCH)
            .toList();
    assertThat(dispatched)
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.target()).isEqualTo(BIG.id());
              assertThat(c.building()).isEqualTo(HQ);
              assertThat(c.battery().mode()).isEqualTo(BatteryMode.CHARGE);
              assertThat(c.validUntil()).isEqualTo(c.issuedAt().plusSeconds(30));
              assertThat(c.commandId())
                  .isEqualTo(BuildingDispatcher.commandId(HQ, BIG.id(), c.issuedAt()));
            });
  }

  private static double count(String db, String strategy) {
    List<Series> answer =
        INFLUX.query(
            db,
            "SELECT count(setpoint_w) FROM battery_dispatch WHERE strategy = '" + strategy + "'");
    return answer.isEmpty() ? 0 : InfluxExtension.firstValue(answer, 1);
  }

  private static SensorReading reading(String id, SensorType type, double powerW, Instant t) {
    return new SensorReading(id, t, null, type, null, powerW, null, null, null, null, null, t);
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, String key, Object value)
      throws Exception {
    producer
        .send(new ProducerRecord<>(topic, key, Json.MAPPER.writeValueAsString(value)))
        .get(10, TimeUnit.SECONDS);
  }

  private static Command command(String json) {
    try {
      return Json.MAPPER.readValue(json, Command.class);
    } catch (Exception e) {
      throw new AssertionError("not a Command: " + json, e);
    }
  }
}
