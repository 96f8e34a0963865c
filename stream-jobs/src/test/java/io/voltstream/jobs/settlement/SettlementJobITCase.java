package io.voltstream.jobs.settlement;

import static io.voltstream.jobs.settlement.SettlementTestData.HOME;
import static io.voltstream.jobs.settlement.SettlementTestData.OFFICE;
import static io.voltstream.jobs.settlement.SettlementTestData.SLOT;
import static io.voltstream.jobs.settlement.SettlementTestData.SLOT_END;
import static io.voltstream.jobs.settlement.SettlementTestData.TRADE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.energy.battery.BatterySpec;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.model.BatteryTelemetry;
import io.voltstream.model.Building;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.Room;
import io.voltstream.model.SensorReading;
import io.voltstream.model.Topics;
import io.voltstream.model.market.Settlement;
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
 * The production wiring ({@link SettlementJob#wireFromConfig}) on real Kafka, a Flink MiniCluster
 * and a real influxd: the registry, the meter readings and battery reports of {@link
 * SettlementTestData}'s slot and one trade in; the hand-computed settlements on Kafka {@code
 * settlements} and in InfluxDB {@code settlements}, and the building and room rows in {@code
 * building_finance}.
 */
class SettlementJobITCase {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final double EPS = 1e-9;

  /** A warm-up slot before the tested one: its rows prove the registry reached every operator. */
  private static final Instant WARMUP = SLOT.minusSeconds(1800);

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
  void shouldSettleMeteredTradesAndWriteFinanceRows() throws Exception {
    KAFKA.createStandardTopics(2);
    String db = INFLUX.freshDatabase();
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      for (Map.Entry<String, Object> e : registry().entrySet()) {
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
      SettlementJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
      job = env.executeAsync(SettlementJobConfig.JOB_NAME);

      // Warm-up slot: readings until its rows show the registry's rooms, building and battery.
      sendSlot(producer, WARMUP, WARMUP.plusSeconds(960));
      boolean warm =
          Waits.until(
              () -> {
                clock(producer, WARMUP.plusSeconds(960));
                return batteryChargeOfWarmup(db) > 0;
              },
              TIMEOUT);
      assertThat(warm).as("warm-up slot settled with the battery attributed to home").isTrue();

      send(producer, Topics.MARKET_TRADES.name(), TRADE.market(), TRADE);
      sendSlot(producer, SLOT, SLOT_END.plusSeconds(1));
      boolean settled =
          Waits.until(
              () -> {
                clock(producer, SLOT_END.plusSeconds(60));
                return count(db, "SELECT count(net_cost_eur) FROM settlements") >= 2
                    && count(
                            db,
                            "SELECT count(net_cost_eur) FROM building_finance WHERE time = '"
                                + SLOT
                                + "'")
                        >= 4;
              },
              TIMEOUT);
      assertThat(settled).as("slot settled in InfluxDB").isTrue();
    }

    Map<String, JsonNode> home = row(db, "SELECT * FROM settlements WHERE building = 'home'");
    assertThat(home.get("market").asText()).isEqualTo("community");
    assertThat(home.get("time").asText()).isEqualTo(SLOT.toString());
    assertThat(home.get("bought_kwh").asDouble()).isEqualTo(0.2);
    assertThat(home.get("paid_eur").asDouble()).isCloseTo(0.03, within(EPS));
    assertThat(home.get("metered_net_kwh").asDouble()).isCloseTo(7.0 / 24, within(EPS));
    assertThat(home.get("net_cost_eur").asDouble())
        .isCloseTo(0.03 + (7.0 / 24 - 0.2) * 0.31, within(EPS));
    assertThat(home.get("savings_eur").asDouble()).isCloseTo(0.032, within(EPS));
    assertThat(home.get("metered_share").asDouble()).isEqualTo(1.0);
    Map<String, JsonNode> office = row(db, "SELECT * FROM settlements WHERE building = 'office'");
    assertThat(office.get("received_eur").asDouble()).isCloseTo(0.03, within(EPS));
    assertThat(office.get("deviation_kwh").asDouble()).isCloseTo(0.2, within(EPS));

    Map<String, JsonNode> building = row(db, finance("scope = 'building' AND building = 'home'"));
    assertThat(building.get("import_kwh").asDouble()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(building.get("export_kwh").asDouble()).isCloseTo(1.0 / 24, within(EPS));
    assertThat(building.get("energy_cost_eur").asDouble()).isCloseTo(0.31 / 3, within(EPS));
    assertThat(building.get("p2p_paid_eur").asDouble()).isCloseTo(0.03, within(EPS));
    assertThat(building.get("battery_savings_eur").asDouble()).isCloseTo(0.05, within(EPS));
    assertThat(building.get("co2_kg").asDouble()).isCloseTo((1.0 / 3 - 0.2) * 0.110, within(EPS));
    assertThat(building.get("co2_without_p2p_kg").asDouble()).isCloseTo(0.110 / 3, within(EPS));
    assertThat(building.get("co2_without_pv_kg").asDouble())
        .isCloseTo(17.0 / 24 * 0.110, within(EPS));
    assertThat(building.get("co2_without_battery_kg").asDouble()).isCloseTo(0.055, within(EPS));
    Map<String, JsonNode> kitchen = row(db, finance("scope = 'room' AND room = 'kitchen'"));
    assertThat(kitchen.get("building").asText()).isEqualTo(HOME);
    assertThat(kitchen.get("net_cost_eur").asDouble())
        .isCloseTo((2.0 / 12 + 4.0 / 6) * 0.31, within(EPS));
    Map<String, JsonNode> roof = row(db, finance("scope = 'room' AND room = 'roof'"));
    assertThat(roof.get("feed_in_revenue_eur").asDouble())
        .isCloseTo((3.0 / 12 + 1.0 / 6) * 0.04, within(EPS));

    List<Settlement> onKafka =
        KAFKA.consume(Topics.SETTLEMENTS.name(), 2, Duration.ofSeconds(20)).stream()
            .peek(r -> assertThat(r.key()).isIn(HOME, OFFICE))
            .map(r -> parse(r.value()))
            .toList();
    assertThat(onKafka).extracting(Settlement::building).containsExactlyInAnyOrder(HOME, OFFICE);
    assertThat(onKafka.stream().mapToDouble(Settlement::paidEur).sum())
        .isCloseTo(onKafka.stream().mapToDouble(Settlement::receivedEur).sum(), within(EPS));
  }

  private static Map<String, Object> registry() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put(RegistryKey.building(HOME).encode(), new Building(HOME, "Home", null, null, null));
    m.put(RegistryKey.room("kitchen").encode(), new Room("kitchen", HOME, null));
    m.put(RegistryKey.room("roof").encode(), new Room("roof", HOME, null));
    m.put(RegistryKey.sensor("load").encode(), Map.of("id", "load", "room", "kitchen"));
    m.put(RegistryKey.sensor("roof").encode(), Map.of("id", "roof", "room", "roof"));
    m.put(
        RegistryKey.battery("bat").encode(),
        new BatterySpec("bat", HOME, 10, 5000, 5000, 0.9, 5, 95, 10));
    return m;
  }

  /**
   * The slot's meter readings and battery reports in [from, to), one a minute, shifted to start at
   * {@code from}; minute by minute so that neither input runs ahead of the other's watermark.
   */
  private static void sendSlot(KafkaProducer<String, String> producer, Instant from, Instant to)
      throws Exception {
    Duration shift = Duration.between(SLOT, from);
    for (Instant t = SLOT;
        t.isBefore(SLOT.plus(Duration.between(from, to)));
        t = t.plusSeconds(60)) {
      for (SensorReading r : SettlementTestData.readings(t, t.plusSeconds(1))) {
        send(
            producer,
            Topics.READINGS.name(),
            r.sensorId(),
            SettlementTestData.power(
                r.sensorId(), r.room(), r.sensorType(), r.powerW(), r.timestamp().plus(shift)));
      }
      for (BatteryTelemetry b : SettlementTestData.battery(t, t.plusSeconds(1))) {
        Instant at = b.timestamp().plus(shift);
        send(
            producer,
            Topics.BATTERY_STATE.name(),
            b.batteryId(),
            new BatteryTelemetry(
                b.batteryId(),
                at,
                b.socPercent(),
                b.powerW(),
                null,
                null,
                null,
                null,
                b.mode(),
                null,
                at));
      }
    }
  }

  /**
   * Moves event time to {@code at} on the readings and the battery topic. Both event-time inputs
   * keep reporting, so neither is declared idle (2 s) and lets the other's watermark run ahead of
   * it: a sample behind the watermark would not be integrated.
   */
  private static void clock(KafkaProducer<String, String> producer, Instant at) {
    try {
      for (SensorReading r : SettlementTestData.readings(at, at.plusSeconds(1))) {
        send(producer, Topics.READINGS.name(), r.sensorId(), r);
      }
      send(
          producer,
          Topics.BATTERY_STATE.name(),
          "bat",
          new BatteryTelemetry("bat", at, 50, 0, null, null, null, null, "auto", null, at));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static double batteryChargeOfWarmup(String db) {
    List<Map<String, JsonNode>> rows =
        InfluxExtension.rows(
            INFLUX.query(
                db,
                "SELECT battery_charge_kwh FROM building_finance WHERE building = 'home'"
                    + " AND scope = 'building' AND time = '"
                    + WARMUP
                    + "'"));
    return rows.isEmpty() ? 0 : rows.get(0).get("battery_charge_kwh").asDouble();
  }

  private static String finance(String where) {
    return "SELECT * FROM building_finance WHERE " + where + " AND time = '" + SLOT + "'";
  }

  private static double count(String db, String query) {
    List<io.voltstream.influx.Series> answer = INFLUX.query(db, query);
    return answer.isEmpty() ? 0 : InfluxExtension.firstValue(answer, 1);
  }

  private static Map<String, JsonNode> row(String db, String query) {
    List<Map<String, JsonNode>> rows = InfluxExtension.rows(INFLUX.query(db, query));
    assertThat(rows).as(query).hasSize(1);
    return rows.get(0);
  }

  private static Settlement parse(String json) {
    try {
      return Json.MAPPER.readValue(json, Settlement.class);
    } catch (Exception e) {
      throw new AssertionError("not a Settlement: " + json, e);
    }
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, String key, Object value)
      throws Exception {
    producer
        .send(new ProducerRecord<>(topic, key, Json.MAPPER.writeValueAsString(value)))
        .get(10, TimeUnit.SECONDS);
  }
}
