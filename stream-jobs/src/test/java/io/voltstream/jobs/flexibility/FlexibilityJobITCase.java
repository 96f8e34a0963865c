package io.voltstream.jobs.flexibility;

import static io.voltstream.jobs.flexibility.FlexTestRegistry.HQ;
import static io.voltstream.jobs.flexibility.FlexTestRegistry.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.influx.Series;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.FlexibilityReport;
import io.voltstream.model.FlexibilityReport.Scope;
import io.voltstream.model.Json;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
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
 * The production wiring ({@link FlexibilityJob#wireFromConfig}) on real Kafka and a real influxd:
 * the small registry of {@link FlexTestRegistry} with its device meters and battery reporting gets
 * the hand-computed device, room and building figures on Kafka {@code flexibility} and in InfluxDB
 * {@code flexibility}.
 */
class FlexibilityJobITCase {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final double EPS = 1e-9;

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
  void shouldReportExactFlexibilityOfDevicesRoomsAndTheBuilding() throws Exception {
    KAFKA.createStandardTopics(2);
    String db = INFLUX.freshDatabase();
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      for (Map.Entry<String, Object> e : FlexTestRegistry.entries().entrySet()) {
        send(producer, Topics.REGISTRY.name(), e.getKey(), e.getValue());
      }
      Map<String, String> vars = new HashMap<>();
      vars.put(JobsConfig.KAFKA_BOOTSTRAP, KAFKA.bootstrapServers());
      vars.put(JobsConfig.INFLUX_URL, INFLUX.url());
      vars.put(JobsConfig.INFLUX_DB, db);
      vars.put(JobsConfig.CHECKPOINT_INTERVAL, "1s");
      vars.put(JobsConfig.MAX_OUT_OF_ORDERNESS, "1s");
      vars.put(JobsConfig.SOURCE_IDLENESS, "2s");
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      FlexibilityJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
      job = env.executeAsync(FlexibilityJobConfig.JOB_NAME);

      // Event time moves with the data (5 s per round) until two evaluations are stored.
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      Instant t = T0;
      while (System.nanoTime() < deadline && buildingPoints(db) < 2) {
        send(producer, Topics.READINGS.name(), "hvac-meter", power("hvac-meter", 1500, t));
        send(producer, Topics.READINGS.name(), "plugs", power("plugs", 300, t));
        send(producer, Topics.READINGS.name(), "ev", power("ev", 0, t));
        // Telemetry convention: + charging. −2000 = discharging 2 kW.
        send(
            producer,
            Topics.BATTERY_STATE.name(),
            "bat",
            new BatteryTelemetry("bat", t, 50, -2000, null, null, null, null, "auto", null, t));
        t = t.plusSeconds(5);
      }
    }
    assertThat(buildingPoints(db)).isGreaterThanOrEqualTo(2);

    // Battery idle at 50 % discharging 2 kW: down 5 − 2 = 3 now, 3.6 − 2 = 1.6 over the hour;
    // up 5 + 2 = 7 now and over the hour. Plus HVAC down 1.5 / 0.75 and EV up 7.4 / 7.4.
    Map<String, JsonNode> building = latest(db, "building", HQ);
    assertThat(building.get("up_now_kw").asDouble()).isCloseTo(14.4, within(EPS));
    assertThat(building.get("down_now_kw").asDouble()).isCloseTo(4.5, within(EPS));
    assertThat(building.get("up_hour_kw").asDouble()).isCloseTo(14.4, within(EPS));
    assertThat(building.get("down_hour_kw").asDouble()).isCloseTo(2.35, within(EPS));
    assertThat(building.get("power_w").asDouble()).isEqualTo(1500.0);
    assertThat(building.get("room").asText()).isEqualTo("none");

    Map<String, JsonNode> living = latest(db, "room", "living");
    assertThat(living.get("down_now_kw").asDouble()).isCloseTo(1.5, within(EPS));
    assertThat(living.get("down_hour_kw").asDouble()).isCloseTo(0.75, within(EPS));
    assertThat(living.get("up_now_kw").asDouble()).isZero();

    Map<String, JsonNode> hvac = latest(db, "device", "hvac");
    assertThat(hvac.get("state").asText()).isEqualTo("on");
    assertThat(hvac.get("power_w").asDouble()).isEqualTo(1500.0);
    assertThat(hvac.get("room").asText()).isEqualTo("living");
    Map<String, JsonNode> ev = latest(db, "device", "ev");
    assertThat(ev.get("state").asText()).isEqualTo("off");
    assertThat(ev.get("up_now_kw").asDouble()).isCloseTo(7.4, within(EPS));

    // Kafka: the same reports, keyed by building; each evaluation has 3 devices, 2 rooms, 1
    // building.
    List<FlexibilityReport> reports =
        KAFKA
            .consume(
                Topics.FLEXIBILITY.name(), 6 * (int) buildingPoints(db), Duration.ofSeconds(20))
            .stream()
            .peek(r -> assertThat(r.key()).isEqualTo(HQ))
            .map(r -> parse(r.value()))
            .toList();
    List<FlexibilityReport> buildings =
        reports.stream().filter(r -> r.scope() == Scope.BUILDING).toList();
    assertThat(buildings).hasSizeGreaterThanOrEqualTo(2);
    // The latest evaluation: every input had arrived (the first may precede the battery's report).
    FlexibilityReport last = buildings.get(buildings.size() - 1);
    assertThat(last.upNowKw()).isCloseTo(14.4, within(EPS));
    assertThat(last.downNowKw()).isCloseTo(4.5, within(EPS));
    assertThat(last.upHourKw()).isCloseTo(14.4, within(EPS));
    assertThat(last.downHourKw()).isCloseTo(2.35, within(EPS));
    for (FlexibilityReport b : buildings) {
      assertThat(b.at().toEpochMilli() % 10_000).isZero();
      assertThat(reports.stream().filter(r -> r.at().equals(b.at())))
          .extracting(FlexibilityReport::scope)
          .containsExactlyInAnyOrder(
              Scope.DEVICE, Scope.DEVICE, Scope.DEVICE, Scope.ROOM, Scope.ROOM, Scope.BUILDING);
    }
  }

  private static double buildingPoints(String db) {
    List<Series> answer =
        INFLUX.query(db, "SELECT count(down_now_kw) FROM flexibility WHERE scope = 'building'");
    return answer.isEmpty() ? 0 : InfluxExtension.firstValue(answer, 1);
  }

  private static Map<String, JsonNode> latest(String db, String scope, String id) {
    List<Map<String, JsonNode>> rows =
        InfluxExtension.rows(
            INFLUX.query(
                db,
                "SELECT * FROM flexibility WHERE scope = '"
                    + scope
                    + "' AND id = '"
                    + id
                    + "' ORDER BY time DESC LIMIT 1"));
    assertThat(rows).as(scope + " " + id).hasSize(1);
    return rows.get(0);
  }

  private static FlexibilityReport parse(String json) {
    try {
      return Json.MAPPER.readValue(json, FlexibilityReport.class);
    } catch (Exception e) {
      throw new AssertionError("not a FlexibilityReport: " + json, e);
    }
  }

  private static SensorReading power(String id, double w, Instant t) {
    return new SensorReading(
        id, t, null, SensorType.POWER, null, w, null, null, null, null, null, t);
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, String key, Object value)
      throws Exception {
    producer
        .send(new ProducerRecord<>(topic, key, Json.MAPPER.writeValueAsString(value)))
        .get(10, TimeUnit.SECONDS);
  }
}
