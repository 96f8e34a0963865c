package io.voltstream.jobs.market;

import static io.voltstream.jobs.market.MarketTestData.FAST;
import static io.voltstream.jobs.market.MarketTestData.GATE;
import static io.voltstream.jobs.market.MarketTestData.SLOT;
import static io.voltstream.jobs.market.MarketTestData.T0;
import static io.voltstream.jobs.market.MarketTestData.bid;
import static io.voltstream.jobs.market.MarketTestData.offer;
import static io.voltstream.jobs.market.MarketTestData.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.voltstream.energy.market.OrderSide;
import io.voltstream.influx.Series;
import io.voltstream.infra.Waits;
import io.voltstream.infra.junit.InfluxExtension;
import io.voltstream.infra.junit.KafkaExtension;
import io.voltstream.jobs.io.JobsConfig;
import io.voltstream.model.Json;
import io.voltstream.model.RegistryKey;
import io.voltstream.model.SensorReading;
import io.voltstream.model.SensorType;
import io.voltstream.model.Topics;
import io.voltstream.model.market.MarketClearing;
import io.voltstream.model.market.MarketOrder;
import io.voltstream.model.market.MarketTrade;
import io.voltstream.model.market.OrderState;
import io.voltstream.model.market.OrderUpdate;
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
 * The production wiring ({@link MarketJob#wireFromConfig}) on real Kafka and a real influxd: orders
 * of the default pay-as-clear market and of a registered pay-as-bid market go to Kafka {@code
 * market-orders}; the pay-as-bid pair trades on arrival; readings written with chosen timestamps
 * move the market clock past both gate closures, which clears the pay-as-clear slot (the
 * hand-computed four orders of {@code MarketSlotFunctionTest}); the trades and clearings are
 * asserted on Kafka and in InfluxDB, and an order arriving after its slot closed is rejected.
 */
class MarketJobITCase {
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
  void shouldTradeOrdersFromKafkaAndClearTheSlotOnceTheReadingsClockPassesGateClosure()
      throws Exception {
    KAFKA.createStandardTopics(2);
    String db = INFLUX.freshDatabase();
    try (KafkaProducer<String, String> producer = KAFKA.producer()) {
      send(producer, Topics.REGISTRY.name(), RegistryKey.market(FAST.id()).encode(), FAST);
      Map<String, String> vars = new HashMap<>();
      vars.put(JobsConfig.KAFKA_BOOTSTRAP, KAFKA.bootstrapServers());
      vars.put(JobsConfig.INFLUX_URL, INFLUX.url());
      vars.put(JobsConfig.INFLUX_DB, db);
      vars.put(JobsConfig.CHECKPOINT_INTERVAL, "1s");
      vars.put(JobsConfig.MAX_OUT_OF_ORDERNESS, "1s");
      vars.put(JobsConfig.SOURCE_IDLENESS, "2s");
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      MarketJob.wireFromConfig(env, JobsConfig.fromEnv(vars), vars);
      job = env.executeAsync(MarketJobConfig.JOB_NAME);

      // The registry is read from its start; wait until the pay-as-bid market is known (an order
      // of an unknown market is rejected), then place the orders.
      List<MarketOrder> orders =
          List.of(
              bid("A", "home", 2, 0.30, T0.plusSeconds(60)),
              bid("B", "office", 1, 0.20, T0.plusSeconds(70)),
              offer("C", "demo", 1.5, 0.10, T0.plusSeconds(80)),
              offer("D", "office", 2, 0.25, T0.plusSeconds(90)),
              order("fast", "F1", "demo", OrderSide.SELL, 1, 0.10, SLOT, T0.plusSeconds(100)),
              order("fast", "F2", "home", OrderSide.BUY, 1, 0.32, SLOT, T0.plusSeconds(110)));
      for (MarketOrder o : orders) {
        send(producer, Topics.MARKET_ORDERS.name(), o.market(), o);
      }
      // Six opens; F1 and F2 filled on arrival.
      List<OrderUpdate> accepted = statuses(8);
      assertThat(accepted).filteredOn(u -> u.state() == OrderState.OPEN).hasSize(6);
      assertThat(accepted)
          .filteredOn(u -> u.state() == OrderState.FILLED)
          .extracting(OrderUpdate::orderId)
          .containsExactlyInAnyOrder("F1", "F2");
      // Pay-as-bid: traded on arrival, before any gate closure.
      assertThat(trades(1))
          .singleElement()
          .satisfies(t -> assertThat(t.market()).isEqualTo("fast"));

      // The clock: readings past both gate closures (fast 10:20, community 10:25).
      Instant now = GATE.plusSeconds(10);
      boolean cleared =
          Waits.until(
              () -> {
                send(producer, Topics.READINGS.name(), "meter", reading(now));
                return count(db, "market_clearing", "volume_kwh") >= 2
                    && count(db, "market_trades", "trade_id") >= 3;
              },
              TIMEOUT,
              Duration.ofMillis(500));
      assertThat(cleared).as("both slots cleared into InfluxDB").isTrue();

      // Kafka: the pay-as-bid trade at the bid's price, the pay-as-clear trades at 0.275.
      String slot = String.valueOf(SLOT.getEpochSecond());
      assertThat(trades(3))
          .extracting(
              MarketTrade::id,
              MarketTrade::buyOrderId,
              MarketTrade::sellOrderId,
              MarketTrade::energyKwh,
              MarketTrade::priceEurPerKwh)
          .containsExactlyInAnyOrder(
              tuple("fast-" + slot + "-1", "F2", "F1", 1.0, 0.32),
              tuple("community-" + slot + "-1", "A", "C", 1.5, 0.275),
              tuple("community-" + slot + "-2", "A", "D", 0.5, 0.275));
      List<MarketClearing> clearings =
          KAFKA.consume(Topics.MARKET_CLEARING.name(), 2, TIMEOUT).stream()
              .map(r -> parse(r.value(), MarketClearing.class))
              .toList();
      assertThat(clearings)
          .extracting(
              MarketClearing::market,
              MarketClearing::volumeKwh,
              MarketClearing::orders,
              MarketClearing::trades)
          .containsExactlyInAnyOrder(tuple("community", 2.0, 4, 2), tuple("fast", 1.0, 2, 1));

      // InfluxDB: every trade at slot start + its sequence number (ms), the clearing at the slot.
      List<Map<String, JsonNode>> rows =
          InfluxExtension.rows(
              INFLUX.query(db, "SELECT * FROM market_trades WHERE market = 'community'"));
      assertThat(rows)
          .extracting(
              r -> Instant.parse(r.get("time").asText()),
              r -> r.get("trade_id").asText(),
              r -> r.get("buyer").asText(),
              r -> r.get("seller").asText(),
              r -> r.get("energy_kwh").asDouble())
          .containsExactly(
              tuple(SLOT.plusMillis(1), "community-" + slot + "-1", "home", "demo", 1.5),
              tuple(SLOT.plusMillis(2), "community-" + slot + "-2", "home", "office", 0.5));
      assertThat(rows)
          .allSatisfy(
              r -> assertThat(r.get("price_eur_per_kwh").asDouble()).isCloseTo(0.275, within(EPS)));
      Map<String, JsonNode> clearing =
          InfluxExtension.rows(
                  INFLUX.query(db, "SELECT * FROM market_clearing WHERE market = 'community'"))
              .get(0);
      assertThat(Instant.parse(clearing.get("time").asText())).isEqualTo(SLOT);
      assertThat(clearing.get("price_eur_per_kwh").asDouble()).isCloseTo(0.275, within(EPS));
      assertThat(clearing.get("participants").asLong()).isEqualTo(3);
      assertThat(clearing.get("mode").asText()).isEqualTo("pay_as_clear");
      assertThat(count(db, "market_orders", "order_id")).isGreaterThanOrEqualTo(6 + 6);

      // An order sent before the gate (event time) that arrives after the slot closed.
      send(
          producer,
          Topics.MARKET_ORDERS.name(),
          "community",
          bid("late", "home", 1, 0.3, GATE.minusSeconds(1)));
      // 8 before the clock, 5 at the community gate (A, C filled; D partially filled then
      // expired; B expired), the rejection.
      List<OrderUpdate> all = statuses(14);
      assertThat(all).hasSize(14);
      OrderUpdate late =
          all.stream().filter(u -> u.orderId().equals("late")).findFirst().orElseThrow();
      assertThat(late.state()).isEqualTo(OrderState.REJECTED);
      assertThat(late.reason()).startsWith("gate closed: the order arrived after slot " + SLOT);
    }
  }

  private static List<OrderUpdate> statuses(int expected) {
    return KAFKA.consume(Topics.MARKET_ORDER_STATUS.name(), expected, TIMEOUT).stream()
        .map(r -> parse(r.value(), OrderUpdate.class))
        .toList();
  }

  private static List<MarketTrade> trades(int expected) {
    return KAFKA.consume(Topics.MARKET_TRADES.name(), expected, TIMEOUT).stream()
        .map(r -> parse(r.value(), MarketTrade.class))
        .toList();
  }

  private static double count(String db, String measurement, String field) {
    List<Series> answer = INFLUX.query(db, "SELECT count(" + field + ") FROM " + measurement);
    return answer.isEmpty() ? 0 : InfluxExtension.firstValue(answer, 1);
  }

  private static <T> T parse(String json, Class<T> type) {
    try {
      return Json.MAPPER.readValue(json, type);
    } catch (Exception e) {
      throw new AssertionError("not a " + type.getSimpleName() + ": " + json, e);
    }
  }

  private static SensorReading reading(Instant t) {
    return new SensorReading(
        "meter", t, null, SensorType.POWER, null, 500.0, null, null, null, null, null, t);
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, String key, Object value) {
    try {
      producer
          .send(new ProducerRecord<>(topic, key, Json.MAPPER.writeValueAsString(value)))
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not send to " + topic, e);
    }
  }
}
